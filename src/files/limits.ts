/** How much the tool reads, at most. Data files may be raised on the command line; text files may not. */

/** A definition, agenda, template, stylesheet, Markdown item or logo. */
export const TEXT_FILE_LIMIT = 5 * 1024 * 1024;

/** A csv file's size, or a workbook's size when unpacked: --max-data-mb raises it. */
export const DEFAULT_DATA_FILE_LIMIT = 100 * 1024 * 1024;
