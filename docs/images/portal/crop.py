"""Reads a PPM (P6) image on standard input and writes its top-left 1280x800 as a PNG to the
path given: RGB, no metadata, each row with the PNG filter that compresses best, zlib level 9."""
import struct
import sys
import zlib

WIDTH, HEIGHT = 1280, 800


def read_ppm(data):
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        sys.exit("crop.py: not an 8-bit P6 PPM")
    return int(fields[1]), int(fields[2]), data[position + 1:]


def filtered(row, previous):
    candidates = [
        bytes([0]) + row,
        bytes([1]) + bytes((row[i] - (row[i - 3] if i >= 3 else 0)) & 0xFF for i in range(len(row))),
        bytes([2]) + bytes((row[i] - previous[i]) & 0xFF for i in range(len(row))),
    ]
    return min(candidates, key=lambda c: sum(b if b < 128 else 256 - b for b in c[1:]))


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


width, height, pixels = read_ppm(sys.stdin.buffer.read())
if width < WIDTH or height < HEIGHT:
    sys.exit(f"crop.py: the capture is {width}x{height}, smaller than {WIDTH}x{HEIGHT}")
rows, previous = [], bytes(WIDTH * 3)
for y in range(HEIGHT):
    row = pixels[y * width * 3:y * width * 3 + WIDTH * 3]
    rows.append(filtered(row, previous))
    previous = row
with open(sys.argv[1], "wb") as png:
    png.write(b"\x89PNG\r\n\x1a\n")
    png.write(chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)))
    png.write(chunk(b"IDAT", zlib.compress(b"".join(rows), 9)))
    png.write(chunk(b"IEND", b""))
