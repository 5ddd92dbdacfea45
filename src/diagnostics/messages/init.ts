/** Sentences about starting a new report project (scrutiny init). */
import { joinList } from '../../format.js';

const CODES = 'councils are named by their three-digit DfE code, for example 335 for Walsall';

/** "did you mean 909 (Cumbria) or 919 (Hertfordshire)?", or nothing when no council is close. */
const didYouMean = (suggestions: readonly string[]) =>
  suggestions.length > 0 ? `; did you mean ${joinList(suggestions, 'or')}?` : '.';

export const unknownCouncilCode = (code: string, folder: string, suggestions: readonly string[]) =>
  `There is no council with the code ${code} in the DfE files in ${folder}${didYouMean(suggestions)} ` +
  `(${CODES}; "scrutiny indicators --data ${folder} --format csv" lists every council with its code.)`;

export const unknownCouncilName = (name: string, folder: string, suggestions: readonly string[]) =>
  `There is no council called "${name}" in the DfE files in ${folder}${didYouMean(suggestions)} ` + `(${CODES}.)`;

export const councilNameShared = (name: string, councils: readonly string[]) =>
  `"${name}" is the name of ${councils.length} councils in the DfE files: ${joinList(councils)}; give the code of the one you mean with --area.`;

export const noNeighbourModel = (folder: string, files: readonly string[]) =>
  `${folder}: there is no statistical neighbour file here (${joinList(files, 'or')}); copy one from DfE's data, or give another folder with --data.`;

export const initWouldOverwrite = (existing: readonly string[]) =>
  `${existing[0]} already exists${existing.length > 1 ? ` (and ${existing.length - 1} more of the files init writes)` : ''}, ` +
  'so nothing was written: init never replaces a file. Give a new folder, or move the existing files away first.';

export const cannotWriteProject = (folder: string, detail: string) =>
  `${folder}: the new report cannot be written there (${detail}), so nothing was written; choose another folder.`;

export const initTemplateProblem = (file: string, detail: string) =>
  `${file}: this template for new reports cannot be used: ${detail}.`;
