import { existsSync } from 'node:fs';

/** The family name the SVG asks for; resvg and pdfkit are both given the file below. */
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';
/** The face inside the Noto collection (.ttc) that pdfkit embeds: simplified Chinese. */
export const CJK_POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular';

const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];

let found: string | undefined;

/**
 * Where the CJK font is: CLEW_CJK_FONT when set, else Debian's fonts-noto-cjk. Without it
 * Chinese names would print as empty boxes in the chart and the PDF, so a missing font
 * stops those exports with a sentence that says what to install.
 */
export function cjkFontPath(env: Record<string, string | undefined> = process.env): string {
  if (found) return found;
  const configured = env.CLEW_CJK_FONT;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CLEW_CJK_FONT names ${configured}, which does not exist; point it at a Noto Sans CJK .ttc or .otf file.`);
    return (found = configured);
  }
  const path = CANDIDATES.find((p) => existsSync(p));
  if (!path) {
    throw new Error(
      'No Chinese (CJK) font was found, so the chart and the PDF dossier cannot show Chinese text: install Debian\'s fonts-noto-cjk ' +
        '(apt-get install fonts-noto-cjk) or set CLEW_CJK_FONT to a Noto Sans CJK .ttc file.',
    );
  }
  return (found = path);
}
