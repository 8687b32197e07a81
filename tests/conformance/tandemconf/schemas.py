"""Checks that a frame from the server is a valid v1 frame (item F-1).

Loads every schema of docs/protocol/ into a resolver store keyed by its $id, so that frame.schema.json's
relative $refs ("login.schema.json", "defs.schema.json#/$defs/id") resolve without network access.
"""
import json
import os

import jsonschema
from jsonschema import Draft202012Validator

DEFAULT_SCHEMA_DIR = os.path.normpath(
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs", "protocol"))


class DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs):
    # Section 2.2: member names are unique within an object; Python's json keeps the last silently.
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey(f"member name {key!r} repeated")
        obj[key] = value
    return obj


def json_depth(value):
    """Nesting depth of objects and arrays; the frame object itself is depth 1 (section 2.2)."""
    depth = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            depth = max(depth, level)
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            depth = max(depth, level)
            stack.extend((v, level + 1) for v in item)
    return depth


class FrameChecker:
    def __init__(self, schema_dir=DEFAULT_SCHEMA_DIR):
        store = {}
        frame_schema = None
        self.by_type = {}
        for name in sorted(os.listdir(schema_dir)):
            if not name.endswith(".schema.json"):
                continue
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schema = json.load(f)
            store[schema["$id"]] = schema
            if name == "frame.schema.json":
                frame_schema = schema
        if frame_schema is None:
            raise RuntimeError(f"frame.schema.json not found in {schema_dir}")
        Draft202012Validator.check_schema(frame_schema)
        resolver = jsonschema.RefResolver(base_uri=frame_schema["$id"], referrer=frame_schema, store=store)
        self.validator = Draft202012Validator(frame_schema, resolver=resolver)
        self._store = store

    def sub_validator(self, ref):
        """A validator for one definition, e.g. "defs.schema.json#/$defs/message"."""
        base = self.validator.schema["$id"]
        schema = {"$ref": ref}
        resolver = jsonschema.RefResolver(base_uri=base, referrer=schema, store=self._store)
        return Draft202012Validator(schema, resolver=resolver)

    def parse(self, text, max_frame_bytes, max_json_depth):
        """Parses and checks one text message. Returns (frame or None, [problems])."""
        problems = []
        size = len(text.encode("utf-8"))
        if size > max_frame_bytes:
            problems.append(f"frame of {size} bytes exceeds max_frame_bytes {max_frame_bytes}")
        try:
            frame = json.loads(text, object_pairs_hook=_no_duplicates)
        except DuplicateKey as e:
            return None, problems + [f"repeated member name: {e}"]
        except ValueError as e:
            return None, problems + [f"not valid JSON: {e}"]
        if not isinstance(frame, dict):
            return None, problems + ["the JSON text is not an object"]
        depth = json_depth(frame)
        if depth > max_json_depth:
            problems.append(f"nesting depth {depth} exceeds max_json_depth {max_json_depth}")
        problems.extend(self.schema_problems(frame))
        return frame, problems

    def schema_problems(self, frame):
        errors = sorted(self.validator.iter_errors(frame), key=lambda e: len(list(e.absolute_path)))
        if not errors:
            return []
        best = jsonschema.exceptions.best_match(errors)
        path = "/" + "/".join(str(p) for p in best.absolute_path)
        return [f"schema: {best.message[:300]} at {path}"]
