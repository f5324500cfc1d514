"""One AI-portrait photo check through the official PAI Python SDK, for the load tests.

usage: pai_check.py HOST APP_ID TOKEN IMAGE_URL...
Prints {"status": HTTP status, "code": envelope code, "message": ..., "results": n} as JSON.
"""
import json
import sys

from ai_service_python_sdk.client.api.ai_service_aigc_images_api import AIGCImagesApi
from ai_service_python_sdk.client.api_client import ApiClient
from ai_service_python_sdk.client.rest import ApiException


def main():
    host, app_id, token = sys.argv[1:4]
    api = AIGCImagesApi(ApiClient(host, app_id, token))
    try:
        response = api.aigc_images_check(sys.argv[4:], "", None)
        outcome = {"status": 200, "code": response.code, "message": response.message,
                   "results": len(response.data["check_results"])}
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        outcome = {"status": error.status, "code": body.get("code"), "message": body.get("message")}
    print(json.dumps(outcome))


main()
