#!/usr/bin/env python3
"""Rewrites story JSON files in the project's layout: two-space indents, with short arrays of
numbers and small flat objects on one line, so that diffs of data edits stay readable."""
import json
import sys


def fmt(v, indent=0):
    pad = '  ' * indent
    if isinstance(v, list):
        if all(isinstance(x, (int, float)) for x in v):
            return '[' + ', '.join(json.dumps(x) for x in v) + ']'
        if not v:
            return '[]'
        return '[\n' + ',\n'.join(pad + '  ' + fmt(x, indent + 1) for x in v) + '\n' + pad + ']'
    if isinstance(v, dict):
        if not v:
            return '{}'
        flat = all(not isinstance(x, (list, dict)) for x in v.values())
        one = '{' + ', '.join(json.dumps(k) + ': ' + json.dumps(x, ensure_ascii=False) for k, x in v.items()) + '}'
        if flat and len(one) + len(pad) < 100:
            return one
        return '{\n' + ',\n'.join(pad + '  ' + json.dumps(k) + ': ' + fmt(x, indent + 1) for k, x in v.items()) + '\n' + pad + '}'
    return json.dumps(v, ensure_ascii=False)


for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(fmt(data) + '\n')
