import { parseProjectText } from '../../model/read';

// Parses a big project file away from the page, so the page stays responsive while it reads.
self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(parseProjectText(event.data));
};
