/** A readable anchor from heading text: Chinese characters, letters and digits only (一推进高质量发展…). */
export function headingSlug(text: string): string {
  const slug = text
    .replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, '')
    .slice(0, 24)
    .toLowerCase();
  return slug || 'section';
}
