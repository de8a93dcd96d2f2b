// ExcelJS's CSV reader and writer, left out of the playground: it reads CSV with papaparse.
module.exports = class CSV {
  constructor() {
    throw new Error('ExcelJS CSV is not part of the playground build: CSV goes through papaparse');
  }
};
