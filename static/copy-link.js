// Copy buttons of the share box: select the link's field, copy it, and say so.
// A file rather than an inline script, so that a page kept in the server's
// cache works under any request's Content-Security-Policy nonce.
document.querySelectorAll("button.copy-link").forEach(function (b) {
	b.addEventListener("click", function () {
		var f = document.getElementById(b.dataset.copy);
		f.select();
		try { document.execCommand("copy"); } catch (e) {}
		if (navigator.clipboard) { navigator.clipboard.writeText(f.value).catch(function () {}); }
		b.textContent = b.dataset.copied;
	});
});
