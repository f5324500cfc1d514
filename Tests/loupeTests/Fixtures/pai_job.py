"""One video job through the official PAI Python SDK, for the crash-recovery test.

usage:
  pai_job.py submit HOST APP_ID TOKEN VIDEO_URL [ACTION]   -> prints the job id
      ACTION is ClassifyLabelVideo (the default) or VideoQA
  pai_job.py wait HOST APP_ID TOKEN JOB_ID STATE MESSAGE_PREFIX
      polls get_async_job every 50 ms until the job is in STATE with a message starting with
      MESSAGE_PREFIX (or finished), then prints the job as JSON
"""
import json
import sys
import time

from ai_service_python_sdk.client.api.ai_service_job_api import AiServiceJobApi
from ai_service_python_sdk.client.api.ai_service_video_api import AiServiceVideoApi
from ai_service_python_sdk.client.api_client import ApiClient


def main():
    command, host, app_id, token = sys.argv[1:5]
    client = ApiClient(host, app_id, token)
    if command == "submit":
        videos = AiServiceVideoApi(client)
        action = sys.argv[6] if len(sys.argv) > 6 else "ClassifyLabelVideo"
        if action == "VideoQA":
            response = videos.video_qa(sys.argv[5], "测试视频", "", None)
        else:
            response = videos.classify_label_video(sys.argv[5], "测试视频", "", None)
        print(response.data["job_id"])
        return
    job_id, state, prefix = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
    jobs = AiServiceJobApi(client)
    # Only catches hangs: beside the whole suite on a slow 2-core host, VideoQA of the four-minute
    # many-cuts clip took over 600 s (clean-clone CI, 2026-12-07).
    deadline = time.time() + 1800
    while time.time() < deadline:
        job = jobs.get_async_job(job_id).data["job"]
        if (job["state"] == state and job["message"].startswith(prefix)) or job["state"] in (2, 3):
            print(json.dumps(job, ensure_ascii=False))
            return
        time.sleep(0.05)
    sys.exit("timed out waiting for job %d" % job_id)


main()
