// The globals Node gives every module and browserify gave ExcelJS's browser build: injected where used.
import { Buffer } from 'buffer';
import process from 'process';

export { Buffer, process };
