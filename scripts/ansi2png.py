#!/usr/bin/python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour codes) to a PNG.

Usage: ansi2png.py CAPTURE.txt OUT.png [COLUMNS ROWS]

Understands what Terminal.Gui and tmux emit: 24-bit (38;2;r;g;b / 48;2;r;g;b), 256-colour (38;5;n),
the 16 ANSI colours (30-37, 90-97, 40-47, 100-107), default colours (39, 49), bold (1), reverse (7),
and resets (0, 22, 27). Needs python3-pil and the DejaVu fonts (Debian: python3-pil, fonts-dejavu-core).
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
DEFAULT_FG = (204, 204, 204)
DEFAULT_BG = (24, 24, 24)
# xterm's 16 colours
PALETTE = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def color256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def apply(params, state):
    codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 22:
            state["bold"] = False
        elif c == 7:
            state["reverse"] = True
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37:
            state["fg"] = PALETTE[c - 30]
        elif 90 <= c <= 97:
            state["fg"] = PALETTE[c - 90 + 8]
        elif 40 <= c <= 47:
            state["bg"] = PALETTE[c - 40]
        elif 100 <= c <= 107:
            state["bg"] = PALETTE[c - 100 + 8]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5])
                i += 4
            elif codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = color256(codes[i + 2])
                i += 2
        i += 1


def cells(text):
    """Yields (row, col, char, fg, bg, bold) for every character."""
    state = dict(fg=None, bg=None, bold=False, reverse=False)
    for row, line in enumerate(text.split("\n")):
        col = 0
        pos = 0
        for m in SGR.finditer(line):
            for ch in line[pos:m.start()]:
                yield row, col, ch, state
                col += 1
            apply(m.group(1), state)
            pos = m.end()
        for ch in line[pos:]:
            yield row, col, ch, state
            col += 1


def main():
    capture, out = sys.argv[1], sys.argv[2]
    cols = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    text = open(capture, encoding="utf-8", errors="replace").read()
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(FONT_BOLD, SIZE)
    ascent, descent = font.getmetrics()
    cw, ch = font.getlength("M"), ascent + descent      # rows touch, so box-drawing lines join
    img = Image.new("RGB", (int(cw * cols) + 16, ch * rows + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    for row, col, char, st in cells(text):
        if row >= rows or col >= cols:
            continue
        fg, bg = st["fg"] or DEFAULT_FG, st["bg"] or DEFAULT_BG
        if st["reverse"]:
            fg, bg = bg, fg
        x, y = 8 + col * cw, 8 + row * ch
        draw.rectangle([x, y, x + cw, y + ch], fill=bg)
        if char != " ":
            draw.text((x, y), char, font=bold if st["bold"] else font, fill=fg)
    img.save(out)


if __name__ == "__main__":
    main()
