// What the console's procedure editor needs beyond the catalog verbs.
export {};
