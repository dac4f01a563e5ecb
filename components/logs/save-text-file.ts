/** Hands text to the browser as a file download (an object URL: nothing goes back to the server). */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download reads the URL after this handler returns; free it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
