/** Saves a blob or text as a file through a temporary link. */
export function download(name: string, data: Blob | string, type = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export function stamp(): string {
  const d = new Date(Date.now() + 8 * 3_600_000).toISOString();
  return d.slice(0, 16).replace(/[-:T]/g, '');
}
