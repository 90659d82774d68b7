import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--disable-quic','--no-sandbox','--disable-background-networking'] });
const p = await b.newPage();
for (const mode of ['plainstart', 'events', 'warm']) {
const r = await p.evaluate(async (mode) => {
  const log = [];
  const sleep = (ms) => new Promise(r => setTimeout(r, ms));
  const busy = (ms) => { const t = performance.now(); while (performance.now() - t < ms); };
  const c = document.createElement('canvas'); c.width = 1280; c.height = 720;
  const ctx = c.getContext('2d');
  const s = c.captureStream(0); const track = s.getVideoTracks()[0];
  const rec = new MediaRecorder(s, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 8e6 });
  const chunks = []; rec.ondataavailable = (e) => chunks.push(e.data);
  for (const ev of ['start','pause','resume']) rec.addEventListener(ev, () => log.push(ev + '@' + Math.round(performance.now())));
  const done = new Promise((res) => rec.onstop = res);
  const change = (ev, act) => Promise.race([new Promise(res => { rec.addEventListener(ev, res, { once: true }); act(); }), sleep(2000).then(() => log.push('timeout ' + ev))]);
  const draw = (i) => { for (let k = 0; k < 200; k++) { ctx.fillStyle = `rgb(${(i*25+k)%255},${(255-i*25)%255},${k})`; ctx.fillRect(Math.random()*1280,Math.random()*720,100,100); } ctx.fillStyle='#000'; ctx.font='40px sans-serif'; ctx.fillText(String(i), 100, 100); };
  if (mode === 'events') { await change('start', () => rec.start()); await change('pause', () => rec.pause()); }
  if (mode === 'warm') { draw(-1); rec.start(); track.requestFrame(); await sleep(50); rec.pause(); await sleep(50); }
  for (let i = 0; i < 10; i++) {
    busy(200 + Math.random() * 300); await sleep(10);
    draw(i);
    if (mode === 'events') await change('resume', () => rec.resume());
    else if (rec.state === 'inactive') rec.start(); else rec.resume();
    track.requestFrame();
    await sleep(100);
    if (mode === 'events') await change('pause', () => rec.pause()); else rec.pause();
  }
  rec.resume(); track.requestFrame(); await sleep(100);
  rec.stop(); await done;
  const blob = new Blob(chunks, { type: 'video/webm' });
  return { log, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
}, mode);
console.log(mode, r.log.join(' '));
writeFileSync(`/tmp/embedcheck/${mode}.webm`, Uint8Array.from(r.bytes));
}
await b.close();
