"""A hand-written JSON encoder and decoder, round-tripping generated documents.

In the spirit of pyperformance's json_dumps / json_loads, but without the C accelerator:
nested dicts and lists of strings (with escapes and non-ASCII), ints, floats, booleans and
None are serialised character by character and parsed back by a recursive-descent parser;
the result must equal the original and agree with the standard json module.
"""
import json
import random

DOCUMENTS = 550
SEED = 7

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


class Encoder:
    def __init__(self, indent=None):
        self.indent = indent

    def encode(self, value):
        parts = []
        self._encode(value, parts, 0)
        return "".join(parts)

    def _newline(self, parts, level):
        if self.indent is not None:
            parts.append("\n" + " " * (self.indent * level))

    def _encode(self, value, parts, level):
        if value is None:
            parts.append("null")
        elif value is True:
            parts.append("true")
        elif value is False:
            parts.append("false")
        elif isinstance(value, int):
            parts.append(str(value))
        elif isinstance(value, float):
            parts.append(repr(value))
        elif isinstance(value, str):
            parts.append(self.quote(value))
        elif isinstance(value, dict):
            if not value:
                parts.append("{}")
                return
            parts.append("{")
            for i, (key, item) in enumerate(value.items()):
                if i:
                    parts.append(",")
                self._newline(parts, level + 1)
                parts.append(self.quote(key))
                parts.append(": " if self.indent is not None else ":")
                self._encode(item, parts, level + 1)
            self._newline(parts, level)
            parts.append("}")
        elif isinstance(value, (list, tuple)):
            if not value:
                parts.append("[]")
                return
            parts.append("[")
            for i, item in enumerate(value):
                if i:
                    parts.append(",")
                self._newline(parts, level + 1)
                self._encode(item, parts, level + 1)
            self._newline(parts, level)
            parts.append("]")
        else:
            raise TypeError(f"cannot encode {type(value).__name__}")

    @staticmethod
    def quote(text):
        out = ['"']
        for ch in text:
            if ch in ESCAPES:
                out.append(ESCAPES[ch])
            elif ch < " " or ch > "~":
                code = ord(ch)
                if code > 0xFFFF:
                    code -= 0x10000
                    out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
                else:
                    out.append(f"\\u{code:04x}")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)


class DecodeError(ValueError):
    pass


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def decode(self):
        value = self.value()
        self.skip_space()
        if self.pos != len(self.text):
            raise DecodeError(f"extra data at {self.pos}")
        return value

    def skip_space(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_space()
        try:
            ch = self.text[self.pos]
        except IndexError:
            raise DecodeError("unexpected end of input") from None
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch in "-0123456789":
            return self.number()
        for word, result in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        raise DecodeError(f"unexpected {ch!r} at {self.pos}")

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.skip_space()
            if self.text[self.pos] != ":":
                raise DecodeError(f"expected ':' at {self.pos}")
            self.pos += 1
            result[key] = self.value()
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise DecodeError(f"expected ',' or '}}' at {self.pos - 1}")

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                raise DecodeError(f"expected ',' or ']' at {self.pos - 1}")

    def string(self):
        text = self.text
        if text[self.pos] != '"':
            raise DecodeError(f"expected a string at {self.pos}")
        pos = self.pos + 1
        chunks = []
        while True:
            ch = text[pos]
            if ch == '"':
                break
            if ch == "\\":
                esc = text[pos + 1]
                if esc == "u":
                    code = int(text[pos + 2:pos + 6], 16)
                    pos += 6
                    if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                        low = int(text[pos + 2:pos + 6], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                    chunks.append(chr(code))
                    continue
                chunks.append(UNESCAPES[esc])
                pos += 2
                continue
            chunks.append(ch)
            pos += 1
        self.pos = pos + 1
        return "".join(chunks)

    def number(self):
        text, start = self.text, self.pos
        pos = start
        if text[pos] == "-":
            pos += 1
        while pos < len(text) and text[pos].isdigit():
            pos += 1
        is_float = False
        if pos < len(text) and text[pos] == ".":
            is_float = True
            pos += 1
            while pos < len(text) and text[pos].isdigit():
                pos += 1
        if pos < len(text) and text[pos] in "eE":
            is_float = True
            pos += 1
            if text[pos] in "+-":
                pos += 1
            while pos < len(text) and text[pos].isdigit():
                pos += 1
        self.pos = pos
        literal = text[start:pos]
        return float(literal) if is_float else int(literal)


WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "naïve", "café", "Größe", "東京", "line\nbreak", 'say "hi"', "tab\there",
         "back\\slash", "emoji 🎉", ""]


def random_value(rng, depth):
    r = rng.random()
    if depth <= 0 or r < 0.35:
        kind = rng.randrange(6)
        if kind == 0:
            return rng.randint(-10**6, 10**6)
        if kind == 1:
            return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
        if kind == 2:
            return rng.choice(WORDS) + str(rng.randint(0, 99))
        if kind == 3:
            return rng.choice([True, False])
        if kind == 4:
            return None
        return rng.choice(WORDS)
    if r < 0.7:
        return {f"{rng.choice(WORDS)}_{i}": random_value(rng, depth - 1) for i in range(rng.randint(0, 6))}
    return [random_value(rng, depth - 1) for _ in range(rng.randint(0, 7))]


def make_document(rng, index):
    return {
        "id": index,
        "name": f"document-{index:04d}",
        "tags": [rng.choice(WORDS) for _ in range(rng.randint(1, 5))],
        "scores": [round(rng.random() * 100, 3) for _ in range(8)],
        "payload": random_value(rng, 5),
        "meta": {"version": 3, "draft": index % 3 == 0, "parent": None if index == 0 else index - 1},
    }


def checksum_of(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) % 1_000_000_007
    return h


def main():
    rng = random.Random(SEED)
    documents = [make_document(rng, i) for i in range(DOCUMENTS)]
    compact, pretty = Encoder(), Encoder(indent=2)
    total_chars = 0
    digest = 0
    for doc in documents:
        text = compact.encode(doc)
        if Decoder(text).decode() != doc:
            raise AssertionError(f"round trip failed for {doc['name']}")
        if json.loads(text) != doc:
            raise AssertionError(f"json disagrees for {doc['name']}")
        pretty_text = pretty.encode(doc)
        if Decoder(pretty_text).decode() != doc:
            raise AssertionError(f"pretty round trip failed for {doc['name']}")
        total_chars += len(text) + len(pretty_text)
        digest = (digest * 17 + checksum_of(text)) % 1_000_000_007
    everything = compact.encode(documents)
    parsed = Decoder(everything).decode()
    print(f"{len(documents)} documents, {total_chars} characters encoded")
    print(pretty.encode(parsed[1]["meta"]))
    print(f"checksum {digest} {len(everything)} {checksum_of(everything)}")


if __name__ == "__main__":
    main()
