/** The part of the Frictionless Data Package library (`datapackage`) the tests use; it ships no types. */
declare module "datapackage" {
  export class Package {
    static load(descriptor: unknown, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly descriptor: unknown;
  }
  export class Profile {
    static load(profile: string): Promise<Profile>;
    validate(descriptor: unknown): { valid: boolean; errors: Error[] };
  }
}
