export async function seedRelief(): Promise<void> {}
