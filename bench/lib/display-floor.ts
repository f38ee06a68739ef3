/**
 * The display benchmark's floor: the least a wall's tick can cost in this browser on this machine
 * now. A page with the same rows the display shows, whose one-second timer writes the same
 * visible text — the clock and every shown row's countdown — straight into the DOM: no
 * framework, no state, no derivations. It runs beside the display in the same browser for the
 * same minute, so both see the same machine; the display's tick divided by this one is the
 * overhead of how the product does it, whatever the machine's speed or load.
 */
export function floorPage(rows: number): string {
	const row = (i: number) =>
		`<tr><td>R${String(i).padStart(8, '0')}</td><td>报修</td><td>水管</td><td>1</td>` +
		`<td>新建</td><td class="num">0:00:00</td></tr>`;
	return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title>
<style>body{margin:0;padding:2rem 3rem;background:#0d1714;color:#f3f1ea;font-size:2rem}
table{width:100%}td{white-space:nowrap}.num{text-align:end;font-variant-numeric:tabular-nums}</style>
</head><body>
<header><h1>服务动态</h1><time id="clock"></time></header>
<table><tbody>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</tbody></table>
<script>
	const clock = document.getElementById('clock');
	const cells = [...document.querySelectorAll('.num')];
	const pad = (n) => String(n).padStart(2, '0');
	setInterval(() => {
		const now = Date.now();
		const d = new Date(now);
		clock.textContent = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
		cells.forEach((cell, i) => {
			const left = Math.floor((3_600_000 * (1 + i) - (now % 3_600_000)) / 1000);
			cell.textContent = Math.floor(left / 3600) + ':' + pad(Math.floor(left / 60) % 60) + ':' + pad(left % 60);
		});
	}, 1000);
</script>
</body></html>`;
}
