// Printable documents (PDF) and QR codes.
export {};
