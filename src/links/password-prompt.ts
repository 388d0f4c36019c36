const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The small form a browser sees for a password-protected link; it posts back to the same URL. */
export function passwordPromptPage(slug: string, wrongPassword: boolean, notice?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Password required</title>
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:15vh auto;padding:0 1rem}
input,button{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;margin-top:.5rem}.error{color:#b00020}</style></head>
<body><h1>Password required</h1><p>This link is protected. Enter its password to continue.</p>
${wrongPassword ? '<p class="error" role="alert">That password is not correct.</p>' : ""}${notice ? `<p class="error" role="alert">${escapeHtml(notice)}</p>` : ""}
<form method="post" action="/${escapeHtml(encodeURIComponent(slug))}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="off" required autofocus>
<button type="submit">Continue</button></form></body></html>`;
}
