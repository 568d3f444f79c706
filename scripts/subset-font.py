#!/usr/bin/env python3
"""Makes the CJK font the decision PDFs embed: Noto Serif SC (SIL Open Font License 1.1) cut down to the characters
a decision can hold, so every viewer renders the document without a 15 MB font in the repository.

Kept: ASCII and Latin-1, general and CJK punctuation, full-width forms, the 6,763 hanzi of GB 2312, and every
character in the platform's resources (region names, catalogue, messages, generated names). Characters outside
the subset fall back to STSong-Light (a standard PDF CJK font the viewer supplies).

Source: npm @expo-google-fonts/noto-serif-sc@0.4.3, package/400Regular/NotoSerifSC_400Regular.ttf
(Google Fonts' Noto Serif SC, OFL-1.1).

  npm pack @expo-google-fonts/noto-serif-sc@0.4.3 && tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz
  apt-get install -y python3-fonttools
  /usr/bin/python3 scripts/subset-font.py package/400Regular/NotoSerifSC_400Regular.ttf \
      platform/src/main/resources/fonts/NotoSerifSC-Regular-subset.ttf
"""
import gzip
import pathlib
import sys

from fontTools import subset

source, target = sys.argv[1], sys.argv[2]
chars = set()
for lo, hi in [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF),
               (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(lo, hi + 1))
for b1 in range(0xB0, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
resources = pathlib.Path(__file__).resolve().parent.parent / 'platform/src/main/resources'
for f in resources.rglob('*'):
    if not f.is_file() or f.suffix in ('.ttf', '.png', '.ico', '.svg'):
        continue
    data = gzip.decompress(f.read_bytes()) if f.suffix == '.gz' else f.read_bytes()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        continue
    chars.update(c for c in text if ord(c) >= 0x2E80)
options = subset.Options()
options.layout_features = ['*']
options.name_IDs = ['*']
options.notdef_outline = True
font = subset.load_font(source, options)
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=[ord(c) for c in chars])
subsetter.subset(font)
subset.save_font(font, target, options)
print(f'{len(chars)} characters -> {target} ({pathlib.Path(target).stat().st_size // 1024} KiB)')
