// The agency console's settings pages (filled in by this area).
export {};
