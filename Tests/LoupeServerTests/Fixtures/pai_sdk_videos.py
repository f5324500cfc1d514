"""Drives a running Loupe server's video API through the official PAI Python SDK
(ai-service-python-sdk): the seed's single and batch calls, each job polled until it ends.

usage: pai_sdk_videos.py HOST APP_ID TOKEN MEDIA_BASE_URL
Prints one JSON object: per call, the submission's status/code/message and, for jobs, the
final job object(s) as get_async_job / get_batch_job_with_id returned them, with the states seen.
"""
import json
import sys
import time

from ai_service_python_sdk.client.api.ai_service_job_api import AiServiceJobApi
from ai_service_python_sdk.client.api.ai_service_video_api import AiServiceVideoApi
from ai_service_python_sdk.client.api_client import ApiClient
from ai_service_python_sdk.client.models.batch_video_request_videos import BatchVideoRequestVideos
from ai_service_python_sdk.client.models.video_request import VideoRequest
from ai_service_python_sdk.client.rest import ApiException

TIMEOUT = 600


def call(fn):
    try:
        response = fn()
        return {"status": 200, "code": response.code, "message": response.message, "data": response.data}
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {"status": error.status, "code": body.get("code"), "message": body.get("message")}


def poll_job(jobs, job_id):
    seen = []
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        job = jobs.get_async_job(job_id).data["job"]
        seen.append(job["state"])
        if job["state"] in (2, 3):
            return {"job": job, "states_seen": sorted(set(seen))}
        time.sleep(0.25)
    return {"job": None, "states_seen": sorted(set(seen))}


def poll_batch(jobs, batch_id):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        entries = jobs.get_batch_job_with_id(batch_id).data["jobs"]
        if all(entry["state"] in (2, 3) for entry in entries):
            return entries
        time.sleep(0.5)
    return None


def submit_and_poll(jobs, fn):
    submitted = call(fn)
    if submitted["status"] == 200 and "job_id" in (submitted["data"] or {}):
        submitted.update(poll_job(jobs, submitted["data"]["job_id"]))
    if submitted["status"] == 200 and "batch_id" in (submitted["data"] or {}):
        submitted["jobs"] = poll_batch(jobs, submitted["data"]["batch_id"])
    return submitted


def main():
    host, app_id, token, base = sys.argv[1:5]
    client = ApiClient(host, app_id, token)
    videos = AiServiceVideoApi(client)
    jobs = AiServiceJobApi(client)
    configure = {"output_classification": True, "classification_top_k": 1, "output_tag": True, "tag_top_k": 5,
                 "output_embedding": True}
    footage, slideshow = base + "/footage.mp4", base + "/slideshow.mp4"
    results = {
        "video_qa": submit_and_poll(jobs, lambda: videos.video_qa(footage, "", "", {})),
        "classify_label_video": submit_and_poll(
            jobs, lambda: videos.classify_label_video(footage, "猫咪和咖啡的日常", "", configure)),
        "multimodal_classify": submit_and_poll(
            jobs, lambda: videos.multimodal_classify(
                slideshow, [base + "/coffee.png", base + "/chelsea.png"], "一杯咖啡和一只猫", "multi_modal_tag",
                configure)),
        "multimodal_images_only": submit_and_poll(
            jobs, lambda: videos.multimodal_classify("", [base + "/coffee.png"], "咖啡", "", None)),
        # VideoRequest.text's getter returns video_title in SDK 1.1.5, so the text never leaves the
        # client: a text-only post reaches the server empty.
        "multimodal_text_only": submit_and_poll(
            jobs, lambda: videos.multimodal_classify("", [], "NBA总决赛篮球比赛精彩集锦", "", None)),
        "batch_video_qa": submit_and_poll(
            jobs, lambda: videos.batch_video_qa(
                [BatchVideoRequestVideos(footage, ""), BatchVideoRequestVideos(slideshow, "")], "", {})),
        "batch_classify_label_video": submit_and_poll(
            jobs, lambda: videos.batch_classify_label_video(
                [BatchVideoRequestVideos(footage, "猫"), BatchVideoRequestVideos(slideshow, "咖啡")], "", configure)),
        "missing_video": submit_and_poll(jobs, lambda: videos.video_qa(base + "/missing.mp4", "", "", {})),
        "corrupt_video": submit_and_poll(jobs, lambda: videos.video_qa(base + "/random.mp4", "", "", {})),
        "unknown_action": call(lambda: videos.ai_model_video(VideoRequest("VideoCaption", footage, "", "", {}))),
        "bad_configure": call(
            lambda: videos.classify_label_video(footage, "", "", {"classification_top_k": 11})),
        "unknown_job": call(lambda: jobs.get_async_job(987654321)),
        "unknown_batch": call(lambda: jobs.get_batch_job_with_id(987654321)),
    }
    print(json.dumps(results, ensure_ascii=False))


main()
