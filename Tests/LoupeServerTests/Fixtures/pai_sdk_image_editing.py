"""Drives a running Loupe server's image-editing models through the official PAI Python SDK.

usage: pai_sdk_image_editing.py HOST APP_ID TOKEN IMAGE_BASE_URL [reshaping|watermarks]
Runs the calls of one model (body_reshaping by default) and prints one JSON object: for each call, the HTTP status (200 or the ApiException's), the envelope
code and message, and the data (the Base64 text of the edited image on success).
"""
import json
import sys

from ai_service_python_sdk.client.api.ai_service_image_api import AiServiceImageApi
from ai_service_python_sdk.client.api_client import ApiClient
from ai_service_python_sdk.client.rest import ApiException


def call(fn):
    try:
        response = fn()
        return {"status": 200, "code": response.code, "message": response.message, "data": response.data}
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {"status": error.status, "code": body.get("code"), "message": body.get("message")}


def main():
    host, app_id, token, base = sys.argv[1:5]
    model = sys.argv[5] if len(sys.argv) > 5 else "reshaping"
    api = AiServiceImageApi(ApiClient(host, app_id, token))
    if model == "reshaping":
        reshape = lambda image, configure: lambda: api.multi_label_image_v2(base + image, "body_reshaping", configure)
        results = {
            "slim": call(reshape("/gdp.jpg", {"degree": 1.0})),
            "enlarge": call(reshape("/gdp.jpg", {"degree": -2.0})),
            "degree_not_a_number": call(reshape("/gdp.jpg", {"degree": "a lot"})),
            "degree_out_of_range": call(reshape("/gdp.jpg", {"degree": 7})),
            "no_person": call(reshape("/coffee.png", {"degree": 1.0})),
        }
    else:
        remove = lambda image: lambda: api.multi_label_image_v2(base + image, "watermark_remover", {})
        results = {
            "marked": call(remove("/marked.png")),
            "clean": call(remove("/coffee.png")),
            "undecodable": call(remove("/not-an-image.png")),
        }
    print(json.dumps(results))


main()
