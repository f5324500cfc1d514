"""Drives Loupe's /v0 media library with the official client, aimage-sdk 0.8.0, unchanged.

Usage: aimage_library_flow.py BASE_URL KEY READ_ONLY_KEY PROJECT OTHER_PROJECT EP1 EP2 REFERENCE BROKEN SHOTS FACE
(SHOTS: a JSON file with a list of base64 screenshots)
Prints one JSON object with what each step returned; the Swift test judges it.
"""

import json
import sys
import time

import httpx
from aimage_sdk import AimageApiError, AimageClient

base, key, read_only_key, project, other_project, ep1, ep2, reference, broken, shots, face = sys.argv[1:12]
out = {}


def error_of(call):
    try:
        call()
    except AimageApiError as error:
        return {"status": error.status, "code": error.code, "message": error.message}
    return None


with AimageClient(key, base, allow_insecure_localhost=True) as client:
    out["ping"] = client.ping()
    out["projects"] = client.list_projects()
    videos = []
    for number, path in ((1, ep1), (2, ep2)):
        video = client.upload_video(
            project_id=project, file=path, name=f"Episode {number}", season=1, episode=number
        )
        videos.append(video["id"])
    out["finished"] = [
        client.wait_for_processing(video, poll_interval_s=0.5, timeout_s=600) for video in videos
    ]
    out["listed"] = client.list_videos(project_id=project, order="asc")
    out["got"] = client.get_video(videos[0])

    media = client.get_video_media(videos[0])
    ranged = httpx.get(media["url"], headers={"Range": "bytes=0-99"})
    whole = httpx.get(media["url"])
    out["media"] = {
        "rendition": media["rendition"],
        "range_status": ranged.status_code,
        "range_length": len(ranged.content),
        "content_range": ranged.headers.get("content-range"),
        "whole_status": whole.status_code,
        "whole_length": len(whole.content),
    }

    out["text_search"] = {
        query: client.search_clips(project_id=project, query=query, page_size=5)
        for query in ("a cat", "a cup of coffee", "a rocket", "oranges")
    }

    def raw_search(body):
        answer = httpx.post(
            f"{base}/v0/search/clips",
            json={"project_id": project, **body},
            headers={"Authorization": f"Bearer {key}"},
        )
        return answer.json()

    out["subtitle_exact"] = raw_search(
        {"query": "ありがとう、また明日", "search_mode": "subtitle", "subtitle_exact_match": True}
    )
    out["subtitle_two_chars"] = raw_search(
        {"query": "明日", "search_mode": "subtitle", "subtitle_exact_match": True}
    )
    out["subtitle_fuzzy"] = raw_search({"query": "a cup of cofee", "search_mode": "subtitle"})
    out["screenshots"] = [
        raw_search({"image": shot}) for shot in json.load(open(shots))
    ]

    image = client.upload_reference_image(project_id=project, file=reference, name="coffee still")
    out["reference_ready"] = client.wait_for_reference_image(
        image["id"], poll_interval_s=0.5, timeout_s=300
    )
    out["reference_search"] = client.search_clips(
        project_id=project, reference_image_ids=[image["id"]], page_size=3
    )
    out["reference_list"] = client.list_reference_images(project_id=project)

    first_clip = out["text_search"]["a cat"]["clips"][0]["clip_id"]
    out["clip"] = client.get_clip(first_clip)
    out["updated"] = client.update_clip(first_clip, description="the tabby on the sofa")
    out["after_update"] = raw_search({"query": "tabby on the sofa", "search_mode": "keyword"})

    failed = client.upload_reference_image(
        project_id=project, file=broken, file_name="broken.png", content_type="image/png"
    )
    client.wait_for_reference_image(failed["id"], poll_interval_s=0.5, timeout_s=300)
    out["unready_reference"] = error_of(
        lambda: client.search_clips(project_id=project, reference_image_ids=[failed["id"]])
    )
    out["other_project"] = error_of(lambda: client.list_videos(project_id=other_project))
    out["other_video"] = error_of(lambda: client.get_video("00000000-0000-0000-0000-000000000000"))

    def raw(method, path, body=None):
        answer = httpx.request(
            method, f"{base}/v0{path}", json=body, headers={"Authorization": f"Bearer {key}"}
        )
        return answer.json()

    out["timelines"] = [raw_search({"video_ids": [video], "page_size": 100}) for video in videos]
    out["openings"] = raw_search({"scene_type": "opening", "page_size": 100})

    portrait = client.upload_reference_image(project_id=project, file=face, name="Eileen")
    client.wait_for_reference_image(portrait["id"], poll_interval_s=0.5, timeout_s=300)
    eileen = raw("POST", "/characters", {
        "project_id": project, "name": "アイリーン", "name_en": "Eileen",
        "aliases": ["Commander Collins"], "description": "The astronaut.", "is_protagonist": True,
    })
    variant = raw("POST", "/characters", {
        "project_id": project, "name": "Eileen in the flight suit", "parent_id": eileen["id"],
    })
    raw("POST", f"/characters/{eileen['id']}/images", {"reference_image_id": portrait["id"], "role": "main"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with_eileen = raw_search({"include_characters": [eileen["id"]], "page_size": 100})
        if with_eileen.get("clips"):
            break
        time.sleep(0.5)
    out["with_character"] = with_eileen
    out["characters"] = client.list_characters(project_id=project, page_size=50)
    out["variant"] = client.get_character(variant["id"])
    out["character_query"] = raw_search({"query": "commander collins in space", "page_size": 10})
    out["visual_assets"] = client.list_visual_assets(project_id=project)
    first_asset = out["visual_assets"]["assets"][0]["visual_asset_id"]
    resolved = client.resolve_visual_assets(project_id=project, visual_asset_ids=[first_asset])
    out["resolved_download"] = httpx.get(resolved["assets"][0]["download_url"]).status_code

    out["deleted"] = client.delete_video(videos[1])
    out["after_delete"] = error_of(lambda: client.get_video(videos[1]))
    out["listed_after_delete"] = client.list_videos(project_id=project)

with AimageClient("aimage_api_" + "0" * 60, base, allow_insecure_localhost=True) as wrong:
    out["wrong_key"] = error_of(lambda: wrong.list_projects())
with AimageClient(read_only_key, base, allow_insecure_localhost=True) as viewer:
    out["read_only_write"] = error_of(
        lambda: viewer.mint_upload_url(project_id=project, file_name="x.mp4", content_type="video/mp4")
    )
    out["read_only_read"] = viewer.list_videos(project_id=project)["total"]

print(json.dumps(out))
