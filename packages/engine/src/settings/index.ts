// Agency settings the console edits: branding (colours, logo) and units.
export {};
