// The agency console's procedures pages (filled in by this area).
export {};
