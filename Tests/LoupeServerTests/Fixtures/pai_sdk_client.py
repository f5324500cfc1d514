"""Drives a running Loupe server through the official PAI Python SDK (ai-service-python-sdk).

usage: pai_sdk_client.py HOST APP_ID TOKEN IMAGE_BASE_URL
Prints one JSON object: for each call, the HTTP status (200 or the ApiException's), the envelope
code and message, and the data.
"""
import json
import sys

from ai_service_python_sdk.client.api.ai_service_image_api import AiServiceImageApi
from ai_service_python_sdk.client.api_client import ApiClient
from ai_service_python_sdk.client.rest import ApiException


def call(fn):
    try:
        response = fn()
        return {"status": 200, "code": response.code, "message": response.message, "data": response.data,
                "request_id": response.request_id}
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {"status": error.status, "code": body.get("code"), "message": body.get("message"),
                "request_id": body.get("request_id")}


def main():
    host, app_id, token, base = sys.argv[1:5]
    api = AiServiceImageApi(ApiClient(host, app_id, token))
    wrong_token = AiServiceImageApi(ApiClient(host, app_id, "0" * 64))
    unknown_app = AiServiceImageApi(ApiClient(host, "999999999999", token))
    results = {
        "image_qa": call(lambda: api.image_qa(base + "/chelsea.png", "", {})),
        "face_attr_image": call(lambda: api.face_attr_image(base + "/astronaut.png", "", {})),
        "fairface": call(lambda: api.face_attr_image(base + "/astronaut.png", "fairface", {})),
        "multi_label_image_v2": call(
            lambda: api.multi_label_image_v2(base + "/coffee.png", "", {"tag_top_k": 5, "output_embedding": True})),
        "tagger": call(lambda: api.multi_label_image_v2(base + "/coffee.png", "tagger", {"threshold": 0.5})),
        "multi_label_default_configure": call(lambda: api.multi_label_image_v2(base + "/chelsea.png", "", None)),
        "bad_signature": call(lambda: wrong_token.image_qa(base + "/chelsea.png", "", {})),
        "unknown_app": call(lambda: unknown_app.image_qa(base + "/chelsea.png", "", {})),
        "unknown_action": call(lambda: api.scan_image(base + "/chelsea.png", "", {})),
        "unknown_model": call(lambda: api.multi_label_image_v2(base + "/chelsea.png", "image_colorization", {})),
        "bad_configure": call(lambda: api.multi_label_image_v2(base + "/chelsea.png", "", {"tag_top_k": 50})),
        "undecodable_image": call(lambda: api.image_qa(base + "/not-an-image.png", "", {})),
        "missing_image": call(lambda: api.image_qa(base + "/missing.png", "", {})),
        "private_address": call(lambda: api.image_qa("http://169.254.169.254/latest/meta-data", "", {})),
        "oversize_body": call(lambda: api.image_qa("data:image/png;base64," + "A" * (17 << 20), "", {})),
        "after_errors": call(lambda: api.image_qa(base + "/coffee.png", "", {})),
    }
    print(json.dumps(results, ensure_ascii=False))


main()
