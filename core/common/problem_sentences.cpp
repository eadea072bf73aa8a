// The one table of problem sentences. Each is an English source sentence marked for lupdate (context
// "lstm::Problem"); the UI translates it, the CLI prints it as it is. Placeholders in braces are filled from the
// Problem: {file} {line} {column} {field} {value} {limit}, {1}…{9} (args), {cause} (the nested problem's sentence)
// and {columnLabel} (column "name" or column N). Translations keep every placeholder.
#include "problem.h"

#include <QtGlobal>

namespace lstm {

namespace {

#define P(text) QT_TRANSLATE_NOOP("lstm::Problem", text)

const char *sourceSentence(ProblemCode code) {
  switch (code) {
  case ProblemCode::None: return "";
  case ProblemCode::SystemError: return P("{value}");
  case ProblemCode::ReadFailed: return P("reading failed: {value}");
  case ProblemCode::WriteFailed: return P("writing failed: {value}");
  case ProblemCode::LoadingCancelled: return P("loading was cancelled");

  case ProblemCode::ModelInconsistent: return P("cannot save an inconsistent model: {value}");
  case ProblemCode::ModelHeaderTooLarge: return P("the header (vocabulary and metadata) exceeds {limit} bytes");
  case ProblemCode::ModelTooShort: return P("the file is too short to be a model file ({value} bytes)");
  case ProblemCode::ModelBadMagic:
    return P("this is not an LSTM Explorer model file (it does not start with \"LSTMXPLR\")");
  case ProblemCode::ModelVersionZero: return P("the format version is 0, which no version of LSTM Explorer wrote");
  case ProblemCode::ModelVersionTooNew:
    return P("the file was written in model format {value} by a newer LSTM Explorer; this version reads format "
             "{limit} and older");
  case ProblemCode::ModelHeaderTruncated:
    return P("the file is truncated or damaged: its header claims {value} bytes but only {limit} bytes follow");
  case ProblemCode::ModelHeaderNotJson: return P("the header is damaged ({value} at byte {1})");
  case ProblemCode::ModelHeaderNotObject: return P("the header is damaged (it is not a JSON object)");
  case ProblemCode::ModelHeaderWrongFormat:
    return P("the header does not describe an LSTM Explorer model (\"format\" is not \"{value}\")");
  case ProblemCode::ModelShapeUnreadable: return P("the header's model shape is unreadable: {cause}");
  case ProblemCode::ModelImpossible: return P("the header describes an impossible model: {cause}");
  case ProblemCode::ModelVocabularyCount:
    return P("inconsistent shapes: the vocabulary lists {value} symbols but the model has {limit}");
  case ProblemCode::ModelVocabularyEntry: return P("vocabulary entry {value} is not a Unicode code point");
  case ProblemCode::ModelParameterCount:
    return P("inconsistent shapes: the header's model needs {limit} parameters but the file stores {value}");
  case ProblemCode::ModelExtraBlockInvalid: return P("the header lists an extra block without a valid name and size");
  case ProblemCode::ModelExtraBlocksTooLarge: return P("the header's extra blocks are larger than any checkpoint can be");
  case ProblemCode::ModelTruncated:
    return P("the file is truncated: {limit} bytes of parameters and checksum expected, {value} present");
  case ProblemCode::ModelTrailingBytes: return P("the file has {value} unexpected bytes after its checksum");
  case ProblemCode::ModelChecksum:
    return P("the checksum does not match: the file is damaged (stored {value}, computed {1})");
  case ProblemCode::ModelParameterNotFinite: return P("the parameter {field} holds a value that is not a finite number");

  case ProblemCode::ConfigUnknownInput:
    return P("the input kind '{value}' is unknown (expected onehot, embedding or dense)");
  case ProblemCode::ConfigUnknownHead: return P("the head kind '{value}' is unknown (expected softmax or regression)");
  case ProblemCode::ConfigFieldNotInteger: return P("the field '{field}' is missing or not a non-negative integer");
  case ProblemCode::ConfigHiddenSize: return P("the hidden size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigLayers: return P("the number of layers is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigVocabularySize: return P("the vocabulary size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigEmbeddingSize: return P("the embedding size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigInputSize: return P("the input size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigClasses:
    return P("the number of softmax classes is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigOutputs:
    return P("the number of regression outputs is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigTooManyParameters: return P("the model would have more than {limit} parameters");

  case ProblemCode::VocabularyNotCharacter: return P("vocabulary entry {value} is not a Unicode character ({1})");
  case ProblemCode::VocabularyDuplicate: return P("vocabulary entry {value}, {1}, appears twice");
  case ProblemCode::Utf8StrayContinuation: return P("a continuation byte without a lead byte");
  case ProblemCode::Utf8InvalidByte: return P("a byte that never occurs in UTF-8");
  case ProblemCode::Utf8Truncated: return P("a multi-byte sequence cut off by the end of the text");
  case ProblemCode::Utf8MissingContinuation: return P("a multi-byte sequence with a missing continuation byte");
  case ProblemCode::Utf8Overlong: return P("an overlong encoding");
  case ProblemCode::Utf8Surrogate: return P("an encoded UTF-16 surrogate");
  case ProblemCode::Utf8AboveMaximum: return P("a code point above U+10FFFF");

  case ProblemCode::CorpusValidationFraction:
    return P("the validation fraction must be between 0 and 0.9 (it is {value})");
  case ProblemCode::CorpusIsDirectory: return P("this is a directory, not a text file");
  case ProblemCode::CorpusInvalidUtf8: return P("invalid UTF-8 at byte {value} ({cause})");
  case ProblemCode::CorpusEmpty: return P("the corpus is empty");
  case ProblemCode::CorpusOneCharacter:
    return P("the corpus has only one distinct character ({value}); a model needs at least two");
  case ProblemCode::CorpusNotUnicode: return P("character {value} of the text, {1}, is not a Unicode character");
  case ProblemCode::CorpusOutOfMemory: return P("there is not enough memory to hold the corpus");

  case ProblemCode::CsvBadDelimiter:
    return P("the delimiter must be an ASCII character other than a quote, a line break or a digit");
  case ProblemCode::CsvBadDecimal: return P("the decimal separator must be '.' or ','");
  case ProblemCode::CsvDelimiterIsDecimal: return P("the delimiter and the decimal separator are both '{value}'");
  case ProblemCode::CsvNegativeLimit: return P("the size limit must not be negative");
  case ProblemCode::CsvIsDirectory: return P("this is a directory, not a CSV file");
  case ProblemCode::CsvTooLarge: return P("the file has {value} bytes, more than the limit of {limit}");
  case ProblemCode::CsvOutOfMemory: return P("there is not enough memory to hold the table");
  case ProblemCode::CsvUnclosedQuote: return P("line {line}: a quoted field is not closed before the end of the file");
  case ProblemCode::CsvEmpty: return P("the file is empty");
  case ProblemCode::CsvOnlyBlankLines: return P("the file has only blank lines");
  case ProblemCode::CsvColumnNameNotUtf8:
    return P("line {line}: the name of column {column} is not valid UTF-8 ({cause})");
  case ProblemCode::CsvFieldCount: return P("line {line} has {value} fields, but line {1} has {limit}");
  case ProblemCode::CsvNoNumbers: return P("no column holds numbers (line {line}: {value})");
  case ProblemCode::CsvValueMissing: return P("line {line}, {columnLabel}: the value is missing");
  case ProblemCode::CsvValueOutOfRange: return P("line {line}, {columnLabel}: \"{value}\" is out of the range of a double");
  case ProblemCode::CsvValueNotNumber: return P("line {line}, {columnLabel}: \"{value}\" is not a number");
  case ProblemCode::CsvHeaderOnly: return P("the file has a header (line {line}) but no rows of numbers");
  case ProblemCode::CsvColumnHoldsText: return P("{columnLabel} holds text, not numbers (line {line}: \"{value}\")");
  case ProblemCode::CsvNoSuchNamedColumn:
    return P("there is no column \"{field}\"; the columns are {value} (or 1 to {limit} by number)");
  case ProblemCode::CsvNoSuchNumberedColumn:
    return P("there is no column {column}; the columns are {value} (or 1 to {limit} by number)");
  case ProblemCode::CsvNamedColumn: return P("column \"{field}\"");
  case ProblemCode::CsvNumberedColumn: return P("column {column}");

  case ProblemCode::SeriesValidationFraction: return P("the validation fraction must lie between 0 and 0.9");
  case ProblemCode::SeriesLength: return P("the series \"{field}\" has {value} values; a model needs between {1} and {limit}");
  case ProblemCode::SeriesNotFinite: return P("value {1} of the series \"{field}\" is {value}, not a finite number");
  case ProblemCode::SeriesUnknownGenerator: return P("the model's series generator \"{field}\" of length {value} is unknown");
  case ProblemCode::SeriesNoSource: return P("the model does not say where its series came from");
  case ProblemCode::SeriesNotAGenerator: return P("not a series generator; use sines, seasonal or mackey-glass");
  case ProblemCode::SeriesGeneratedLength: return P("a generated series must have between {1} and {limit} values, not {value}");
  case ProblemCode::GeneratorCharacters: return P("the number of characters is {value}; it must be in [1, {limit}]");
  case ProblemCode::GeneratorNumeric: return P("the generator \"{field}\" makes a numeric series, not text");
  case ProblemCode::GeneratorUnknown: return P("there is no generator called \"{field}\"");

  case ProblemCode::TrainSequenceLength: return P("the sequence length is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainBatch: return P("the batch is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainEmbedding: return P("the embedding size is {value}; use 0 for one-hot input");
  case ProblemCode::TrainThreads: return P("the thread count is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainLength: return P("the training length must be a positive number of iterations or epochs");
  case ProblemCode::TrainEvaluationInterval: return P("the evaluation interval must be zero or positive");
  case ProblemCode::TrainTimeLimit: return P("the time limit must be zero (none) or a positive number of seconds");
  case ProblemCode::TrainClipNorm: return P("the clipping norm must be a number");
  case ProblemCode::TrainForgetBias: return P("the forget-gate bias must be a number");
  case ProblemCode::TrainTextTooShort:
    return P("the training part of the corpus {field} has {value} characters, but {1} streams of {2} steps need at "
             "least {limit}; use a smaller batch or sequence length, or a longer text");
  case ProblemCode::TrainSeriesTooShort:
    return P("the training part of the corpus {field} has {value} values, but {1} streams of {2} steps need at "
             "least {limit}; use a smaller batch or sequence length, or a longer series");
  case ProblemCode::TrainTextValidationTooShort:
    return P("the validation part of the corpus {field} has {value} characters, fewer than one window of {limit}; "
             "shorten the sequence or hold out more text");
  case ProblemCode::TrainSeriesValidationTooShort:
    return P("the validation part of the corpus {field} has {value} values, fewer than one window of {limit}; "
             "shorten the sequence or hold out more values");
  case ProblemCode::TrainNotEnoughMemory:
    return P("this configuration needs about {value} GiB of memory, more than the {limit} GiB this machine has can "
             "spare; use fewer hidden units, layers, steps or streams");
  case ProblemCode::OptimizerLearningRate: return P("the learning rate is {value}; it must be a positive number");
  case ProblemCode::OptimizerWeightDecay: return P("the weight decay is {value}; it must be zero or positive");
  case ProblemCode::OptimizerMomentum: return P("the momentum is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerNesterov: return P("Nesterov momentum needs a positive momentum and zero dampening");
  case ProblemCode::OptimizerAlpha: return P("the RMSprop alpha is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerBeta1: return P("the Adam beta1 is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerBeta2: return P("the Adam beta2 is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerEpsilon: return P("the epsilon is {value}; it must be positive");
  case ProblemCode::SettingsMissingKey: return P("the training settings lack '{field}'");
  case ProblemCode::SettingsUnknownOptimizer: return P("the training settings name an unknown optimizer");
  case ProblemCode::SettingsBadSeed: return P("the training settings have an unreadable seed");
  case ProblemCode::CheckpointIsModel: return P("this is a model file, not a training checkpoint");
  case ProblemCode::CheckpointOtherCorpus:
    return P("the checkpoint was made on {field} ({value} training characters, SHA-256 {1}…), not on this corpus "
             "with this validation split");
  case ProblemCode::CheckpointModelMismatch: return P("the checkpoint's model does not match its own training settings");
  case ProblemCode::CheckpointBlocks:
    return P("the checkpoint's optimiser or state blocks are missing or have the wrong size");
  case ProblemCode::CheckpointAlreadyAt:
    return P("the checkpoint is already at iteration {value}; ask for more iterations in total to continue");
  case ProblemCode::CheckpointPosition: return P("the checkpoint's position is inconsistent (iteration {value} of {limit})");
  case ProblemCode::CheckpointRandomState: return P("the checkpoint's random generator state is unreadable");
  case ProblemCode::TrainingStoppedAfter: return P("training was stopped after iteration {value} of {limit}");
  case ProblemCode::TrainingStoppedDuring: return P("training was stopped during iteration {value} of {limit}");
  case ProblemCode::TrainingStoppedInValidation:
    return P("training was stopped after iteration {value} of {limit}, during validation");
  case ProblemCode::TrainingDiverged:
    return P("training diverged at iteration {value} ({cause}); restored the weights after iteration {1}, the last "
             "to give a finite loss — try a lower learning rate or stronger clipping");
  case ProblemCode::DivergedLoss: return P("the loss is {value}");
  case ProblemCode::DivergedGradient: return P("the gradient norm is {value}");
  case ProblemCode::DivergedWeights: return P("the update made weights infinite");

  case ProblemCode::InterchangeTooLarge: return P("the file is larger than 4 GiB");
  case ProblemCode::InterchangeInvalidJson: return P("invalid JSON ({value} at byte {1})");
  case ProblemCode::InterchangeWrongFormat: return P("not a PyTorch interchange file: \"format\" must be \"{value}\"");
  case ProblemCode::InterchangeNoVocabulary: return P("\"vocab\" is missing or empty");
  case ProblemCode::InterchangeVocabularyEntry:
    return P("vocab entry {value} must be a string of exactly one Unicode character");
  case ProblemCode::InterchangeNoStateDict: return P("\"state_dict\" is missing or empty");
  case ProblemCode::InterchangeNoLstm: return P("the state_dict has no lstm.weight_ih_l0 / lstm.weight_hh_l0");
  case ProblemCode::InterchangeImpossible: return P("the tensors describe an impossible model: {cause}");
  case ProblemCode::InterchangeMissingTensor: return P("the state_dict has no {field}");
  case ProblemCode::InterchangeUnsupportedTensor:
    return P("the state_dict has {field}, which this importer does not support (only a unidirectional nn.LSTM "
             "without projections, an optional nn.Embedding and an nn.Linear head)");
  case ProblemCode::InterchangeShape: return P("{field} has shape {value} but the model needs {limit}");
  case ProblemCode::InterchangeNotTensor: return P("{field} has shape (not a list of numbers) but the model needs {limit}");
  case ProblemCode::InterchangeNotFinite: return P("{field}[{1}][{2}] is not a finite float32 number");
  case ProblemCode::InterchangeRagged: return P("{field} row {1} has the wrong length (ragged list)");

  case ProblemCode::LessonSyntax: return P("line {line}, column {column}: {value}");
  case ProblemCode::LessonNotObject: return P("{field}: the file is not a JSON object");
  case ProblemCode::LessonMissing: return P("{field}: missing");
  case ProblemCode::LessonUnknownKey: return P("{field}: unknown key \"{value}\" (known: {1})");
  case ProblemCode::LessonNotInteger: return P("{field}: {value} is not a non-negative integer");
  case ProblemCode::LessonNotString: return P("{field}: {value} is not a string");
  case ProblemCode::LessonNotLanguage: return P("{field}: \"{value}\" is not a language code like \"en\" or \"zh_CN\"");
  case ProblemCode::LessonNotText: return P("{field}: {value} is neither a text nor an object of texts by language");
  case ProblemCode::LessonEmptyText: return P("{field}: the text is empty");
  case ProblemCode::LessonNoText: return P("{field}: no text in any language");
  case ProblemCode::LessonNotGate: return P("{field}: \"{value}\" is not one of i, f, g, o");
  case ProblemCode::LessonNotNumber: return P("{field}: {value} is not a number");
  case ProblemCode::LessonNotObjectValue: return P("{field}: {value} is not an object");
  case ProblemCode::LessonNotIntervention:
    return P("{field}: \"{value}\" is not one of clamp, zero-hidden, zero-cell, set-cell, add-cell");
  case ProblemCode::LessonGateNotClamp: return P("{field}: only a clamp has a gate");
  case ProblemCode::LessonNoValue: return P("{field}: a {value} has no value");
  case ProblemCode::LessonGateRange: return P("{field}: {value} is outside the range of gate {1} ({limit}…1)");
  case ProblemCode::LessonAnswerWithoutQuestion: return P("{field}: an answer needs a question");
  case ProblemCode::LessonEmptyPath: return P("{field}: the path is empty");
  case ProblemCode::LessonNotBool: return P("{field}: {value} is not true or false");
  case ProblemCode::LessonNothingToReload: return P("{field}: there is no model to reload in this step");
  case ProblemCode::LessonReadTooLong: return P("{field}: {value} is more than the {limit} characters of the text");
  case ProblemCode::LessonNotQuantity:
    return P("{field}: \"{value}\" is not one of i, f, g, o, c, h, a_i, a_f, a_g, a_o");
  case ProblemCode::LessonNotArray: return P("{field}: {value} is not an array");
  case ProblemCode::LessonDuplicateIntervention: return P("{field}: the same intervention is listed twice");
  case ProblemCode::LessonNotView: return P("{field}: \"{value}\" is not one of {1}");
  case ProblemCode::LessonNoSteps: return P("{field}: a lesson needs a non-empty array of steps");
  case ProblemCode::LessonOutside: return P("{field}: {value} is outside 0…{limit}");
  case ProblemCode::LessonNoStepsToInspect: return P("{field}: there are no steps to inspect");
  case ProblemCode::ExampleLessonNoTitle: return P("the lesson has no title");
  case ProblemCode::ExampleLessonHalfUnit: return P("the lesson gives a layer without a unit, or a unit without a layer");
  case ProblemCode::ExampleLessonNegativeUnit: return P("the lesson's layer and unit must be non-negative integers");
  case ProblemCode::ExampleLessonQuantity: return P("the lesson's quantity \"{value}\" is not one of i, f, g, o, c, h");
  case ProblemCode::ExampleLessonMissing: return P("the model has no lesson");
  case ProblemCode::ExampleLessonOutside:
    return P("the lesson's unit {1} of layer {2} is outside the model ({3} layers of {4} units)");
  }
  return "";
}

// How a sentence about a file starts.
const char *const kInFile = P("{file}: {problem}");

#undef P

QString untranslated(const char *source) { return QString::fromUtf8(source); }

// Fills the placeholders of `pattern` in one pass, so a value that itself contains "{…}" stays as it is.
QString fill(const QString &pattern, const Problem &problem, ProblemTranslator translate) {
  QString out;
  out.reserve(pattern.size() + 32);
  qsizetype pos = 0;
  while (pos < pattern.size()) {
    const qsizetype open = pattern.indexOf(QLatin1Char('{'), pos);
    const qsizetype close = open < 0 ? -1 : pattern.indexOf(QLatin1Char('}'), open);
    if (close < 0) {
      out += pattern.mid(pos);
      break;
    }
    out += pattern.mid(pos, open - pos);
    const QString name = pattern.mid(open + 1, close - open - 1);
    bool isIndex = false;
    const int index = name.toInt(&isIndex);
    if (name == QLatin1String("file"))
      out += problem.file;
    else if (name == QLatin1String("line"))
      out += QString::number(problem.line);
    else if (name == QLatin1String("column"))
      out += QString::number(problem.column);
    else if (name == QLatin1String("field"))
      out += problem.field;
    else if (name == QLatin1String("value"))
      out += problem.value;
    else if (name == QLatin1String("limit"))
      out += problem.limit;
    else if (name == QLatin1String("cause"))
      out += problem.cause ? problemSentence(*problem.cause, translate) : QString();
    else if (name == QLatin1String("columnLabel")) {
      Problem label(problem.field.isEmpty() ? ProblemCode::CsvNumberedColumn : ProblemCode::CsvNamedColumn);
      label.field = problem.field;
      label.column = problem.column;
      out += problemSentence(label, translate);
    } else if (isIndex && index >= 1 && index <= problem.args.size())
      out += problem.args[index - 1];
    else
      out += pattern.mid(open, close - open + 1); // not a placeholder: kept as written
    pos = close + 1;
  }
  return out;
}

} // namespace

QString problemSentence(const Problem &problem, ProblemTranslator translate) {
  const QString text = fill(translate(sourceSentence(problem.code)), problem, translate);
  if (problem.file.isEmpty())
    return text;
  QString prefixed = translate(kInFile);
  prefixed.replace(QLatin1String("{problem}"), QStringLiteral("\x01"));
  prefixed.replace(QLatin1String("{file}"), problem.file);
  return prefixed.replace(QStringLiteral("\x01"), text);
}

QString problemInEnglish(const Problem &problem) { return problemSentence(problem, untranslated); }

} // namespace lstm
