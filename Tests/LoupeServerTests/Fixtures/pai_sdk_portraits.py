"""The seed's AI-portrait flow through the official PAI Python SDK (ai-service-python-sdk):
check -> train -> poll get_async_job until the job ends -> single create -> multi create,
writing single_out.jpg and multi_out.jpg as the seed's script does, plus PAI's error cases.

usage: pai_sdk_portraits.py HOST APP_ID TOKEN MEDIA_BASE_URL OUT_DIR
MEDIA_BASE_URL serves person-0.png … person-5.png (one person), stranger.png, template.png (one
face), duo.png (two faces), second-0.png … second-5.png (another person), noface.png,
not-an-image.png. Prints one JSON object with every call's outcome.
"""
import base64
import json
import os
import sys
import time

import cv2
import numpy as np
from ai_service_python_sdk.client.api.ai_service_aigc_images_api import AIGCImagesApi
from ai_service_python_sdk.client.api.ai_service_job_api import AiServiceJobApi
from ai_service_python_sdk.client.api_client import ApiClient
from ai_service_python_sdk.client.rest import ApiException


def call(fn):
    try:
        response = fn()
        return {"status": 200, "code": response.code, "message": response.message, "data": response.data}
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {"status": error.status, "code": body.get("code"), "message": body.get("message")}


def train(api, jobs, images):
    submitted = call(lambda: api.aigc_images_train(images, "", None))
    if submitted["status"] != 200:
        return submitted
    job_id, model_id = submitted["data"]["job_id"], submitted["data"]["model_id"]
    deadline = time.time() + 600
    while time.time() < deadline:
        job = jobs.get_async_job(job_id).data["job"]
        if job["state"] in (2, 3):
            submitted["job"] = job
            break
        time.sleep(0.5)
    submitted["model_id"] = model_id
    return submitted


def decode_image_from_base64jpeg(base64_image):
    return cv2.imdecode(np.frombuffer(base64.b64decode(base64_image), np.uint8), cv2.IMREAD_COLOR)


def create(fn, out_path):
    result = call(fn)
    if result["status"] == 200:
        image = decode_image_from_base64jpeg(result["data"]["image"])
        cv2.imwrite(out_path, image)
        result["written"] = {"path": out_path, "height": image.shape[0], "width": image.shape[1]}
        result["data"] = {key: value for key, value in result["data"].items() if key != "image"}
    return result


def main():
    host, app_id, token, base, out = sys.argv[1:6]
    client = ApiClient(host, app_id, token)
    api = AIGCImagesApi(client)
    jobs = AiServiceJobApi(client)
    person = [base + "/person-%d.png" % i for i in range(6)]
    second = [base + "/second-%d.png" % i for i in range(6)]
    results = {}
    results["check"] = call(lambda: api.aigc_images_check(person, "", None))
    results["check_mixed"] = call(
        lambda: api.aigc_images_check(person[:3] + [base + "/stranger.png", base + "/noface.png",
                                                    base + "/not-an-image.png", base + "/missing.png"], "", None))
    results["train"] = train(api, jobs, person)
    results["train_second"] = train(api, jobs, second)
    model_id = results["train"].get("model_id")
    second_id = results["train_second"].get("model_id")
    results["create"] = create(
        lambda: api.aigc_images_create(model_id, base + "/template.png", "", {"display_score": True}),
        os.path.join(out, "single_out.jpg"))
    results["create_default"] = create(
        lambda: api.aigc_images_create(model_id, base + "/template.png", "", None),
        os.path.join(out, "single_default.jpg"))
    results["create_multi"] = create(
        lambda: api.aigc_images_create_by_multi_model_ids(
            [model_id, second_id], base + "/duo.png", "", {"display_score": True}),
        os.path.join(out, "multi_out.jpg"))
    # PAI's error cases.
    results["train_no_images"] = call(lambda: api.aigc_images_train([], "", None))
    results["train_too_many"] = call(lambda: api.aigc_images_train(person * 4, "", None))
    results["train_all_bad"] = train(api, jobs, [base + "/noface.png", base + "/not-an-image.png"])
    results["create_unknown_model"] = call(
        lambda: api.aigc_images_create("0b8e6a3c-3f56-4c39-9f5a-6c1a0d3f1e2a", base + "/template.png", "", None))
    results["create_untrained_model"] = call(
        lambda: api.aigc_images_create(results["train_all_bad"].get("model_id"), base + "/template.png", "", None))
    results["create_bad_model_id"] = call(lambda: api.aigc_images_create("not-a-model", base + "/template.png", "", None))
    results["create_template_undecodable"] = call(
        lambda: api.aigc_images_create(model_id, base + "/not-an-image.png", "", None))
    results["create_template_missing"] = call(lambda: api.aigc_images_create(model_id, base + "/missing.png", "", None))
    results["create_no_face"] = call(lambda: api.aigc_images_create(model_id, base + "/noface.png", "", None))
    results["create_count_mismatch"] = call(
        lambda: api.aigc_images_create_by_multi_model_ids([model_id, second_id, model_id], base + "/duo.png", "", None))
    # One model_id in model_ids on a two-face template: PAI wants one face per model_id.
    results["create_one_id_two_faces"] = call(
        lambda: api.aigc_images_create_by_multi_model_ids([model_id], base + "/duo.png", "", None))
    results["create_bad_configure"] = call(
        lambda: api.aigc_images_create(model_id, base + "/template.png", "", {"more_like_me": 2}))
    results["create_bad_style"] = call(
        lambda: api.aigc_images_create(model_id, base + "/template.png", "", {"style_name": "Pixar"}))
    print(json.dumps(results, ensure_ascii=False))


main()
