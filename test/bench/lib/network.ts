// The slow mobile link every page benchmark loads through (Chrome DevTools' network
// emulation over CDP): 400 kbit/s each way, 400 ms round trip — a busy 3G cell at the edge
// of town. One definition, so the listener page and the public pages are measured alike.
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
