"""Packs an installed distribution back into a wheel: the files its RECORD lists inside the
folder it was installed into, with a RECORD of their own. The tests have no package index; this
turns bytedeco's NumPy for this CPython, unpacked from its jar, into the wheel a user would get
from `pip install numpy`.

Usage: repack_wheel.py SITE_FOLDER DIST_INFO_NAME OUTPUT_FOLDER   (prints the wheel's path)
"""
import base64
import hashlib
import os
import sys
import zipfile

LEFT_OUT = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def main():
    site, dist_info, output = sys.argv[1:]
    with open(os.path.join(site, dist_info, "RECORD"), encoding="utf-8") as record:
        paths = [line.split(",")[0] for line in record if line.strip()]
    paths = [p for p in paths if not p.startswith("../") and "__pycache__" not in p
             and not (p.startswith(dist_info + "/") and os.path.basename(p) in LEFT_OUT)]
    with open(os.path.join(site, dist_info, "WHEEL"), encoding="utf-8") as wheel:
        tag = next(line.split(":", 1)[1].strip() for line in wheel if line.startswith("Tag:"))
    name = f"{dist_info.removesuffix('.dist-info')}-{tag}.whl"
    lines = []
    with zipfile.ZipFile(os.path.join(output, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(paths):
            with open(os.path.join(site, path), "rb") as source:
                data = source.read()
            archive.writestr(path, data)
            lines.append(record_line(path, data))
        lines.append(f"{dist_info}/RECORD,,")
        archive.writestr(f"{dist_info}/RECORD", "\n".join(lines) + "\n")
    print(os.path.join(output, name))


main()
