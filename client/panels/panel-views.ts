// The side panels themselves, in a chunk of their own: none is open on the first paint, so the page
// fetches them when idle once the article is on screen (ToolPanels.tsx), and the first click opens
// one at once.
export { QaPanel } from '../qa/QaPanel.js';
export { GlossaryPanel } from '../glossary/GlossaryPanel.js';
export { HistoryPanel } from '../history/HistoryPanel.js';
export { MemoryPanel } from '../memory/MemoryPanel.js';
