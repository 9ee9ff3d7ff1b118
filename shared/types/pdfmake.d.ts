/** The part of pdfmake (0.3, untyped) the invoice PDF uses (server/services/invoicing/pdf.ts). */
declare module 'pdfmake' {
  interface PdfDocument { getBuffer(): Promise<Buffer> }
  const pdfmake: {
    virtualfs: { writeFileSync(name: string, content: Buffer): void }
    setFonts(fonts: Record<string, { normal: string, bold: string, italics: string, bolditalics: string }>): void
    setUrlAccessPolicy(cb: (url: string) => boolean): void
    setLocalAccessPolicy(cb: (path: string) => boolean): void
    createPdf(doc: Record<string, unknown>): PdfDocument
  }
  export default pdfmake
}
declare module 'pdfmake/build/vfs_fonts.js' {
  const vfs: Record<string, string>
  export default vfs
}
