import ExcelJS from 'exceljs';

/**
 * The one place exceljs is loaded: the .xlsx exports write with it and the org/roster import reads
 * with it, so making it load lazily (it is heavy at cold start) is a change here only.
 */
export { ExcelJS };
