/**
 * A glob from bulkhead.json in minimatch's form: a backslash before a glob character escapes it
 * (`src/app/\[id\]` is the folder named `[id]`, as Next.js routes are), any other backslash is a
 * Windows separator (also before `*`: `src\**\*.ts` is a Windows glob, and no folder is named `*`); a leading `./` is dropped.
 */
export function posixGlob(glob: string): string {
  return glob.replace(/\\(?![[\]{}()?!+@,])/g, '/').replace(/^\.\//, '');
}
