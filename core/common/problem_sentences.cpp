// The one table of problem sentences. Each is an English source sentence marked for lupdate (context
// "lstm::Problem"); the UI translates it, the CLI prints it as it is. Placeholders in braces are filled from the
// Problem: {file} {line} {column} {field} {value} {limit}, {1}…{9} (args), {cause} (the nested problem's sentence)
// and {columnLabel} (column "name" or column N). Translations keep every placeholder.
#include "problem.h"

#include <QtGlobal>

namespace lstm {

namespace {

const char *sourceSentence(ProblemCode code) {
  switch (code) {
  case ProblemCode::None: return "";
  case ProblemCode::SystemError: return QT_TRANSLATE_NOOP("lstm::Problem", "{value}");
  case ProblemCode::ReadFailed: return QT_TRANSLATE_NOOP("lstm::Problem", "reading failed: {value}");
  case ProblemCode::WriteFailed: return QT_TRANSLATE_NOOP("lstm::Problem", "writing failed: {value}");
  case ProblemCode::LoadingCancelled: return QT_TRANSLATE_NOOP("lstm::Problem", "loading was cancelled");

  case ProblemCode::ModelInconsistent: return QT_TRANSLATE_NOOP("lstm::Problem", "cannot save an inconsistent model: {cause}");
  case ProblemCode::ModelVocabularyMismatch: return QT_TRANSLATE_NOOP("lstm::Problem", "the vocabulary has {value} symbols but the model expects {limit}");
  case ProblemCode::ModelParameterShape: return QT_TRANSLATE_NOOP("lstm::Problem", "the parameter buffer does not match the model's shape");
  case ProblemCode::ModelHeaderTooLarge: return QT_TRANSLATE_NOOP("lstm::Problem", "the header (vocabulary and metadata) exceeds {limit} bytes");
  case ProblemCode::ModelTooShort: return QT_TRANSLATE_NOOP("lstm::Problem", "the file is too short to be a model file ({value} bytes)");
  case ProblemCode::ModelBadMagic:
    return QT_TRANSLATE_NOOP("lstm::Problem", "this is not an LSTM Explorer model file (it does not start with \"LSTMXPLR\")");
  case ProblemCode::ModelVersionZero: return QT_TRANSLATE_NOOP("lstm::Problem", "the format version is 0, which no version of LSTM Explorer wrote");
  case ProblemCode::ModelVersionTooNew:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the file was written in model format {value} by a newer LSTM Explorer; this version reads format "
             "{limit} and older");
  case ProblemCode::ModelHeaderTruncated:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the file is truncated or damaged: its header claims {value} bytes but only {limit} bytes follow");
  case ProblemCode::ModelHeaderNotJson: return QT_TRANSLATE_NOOP("lstm::Problem", "the header is damaged ({value} at byte {1})");
  case ProblemCode::ModelHeaderNotObject: return QT_TRANSLATE_NOOP("lstm::Problem", "the header is damaged (it is not a JSON object)");
  case ProblemCode::ModelHeaderWrongFormat:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the header does not describe an LSTM Explorer model (\"format\" is not \"{value}\")");
  case ProblemCode::ModelShapeUnreadable: return QT_TRANSLATE_NOOP("lstm::Problem", "the header's model shape is unreadable: {cause}");
  case ProblemCode::ModelImpossible: return QT_TRANSLATE_NOOP("lstm::Problem", "the header describes an impossible model: {cause}");
  case ProblemCode::ModelVocabularyCount:
    return QT_TRANSLATE_NOOP("lstm::Problem", "inconsistent shapes: the vocabulary lists {value} symbols but the model has {limit}");
  case ProblemCode::ModelVocabularyEntry: return QT_TRANSLATE_NOOP("lstm::Problem", "vocabulary entry {value} is not a Unicode code point");
  case ProblemCode::ModelParameterCount:
    return QT_TRANSLATE_NOOP("lstm::Problem", "inconsistent shapes: the header's model needs {limit} parameters but the file stores {value}");
  case ProblemCode::ModelExtraBlockInvalid: return QT_TRANSLATE_NOOP("lstm::Problem", "the header lists an extra block without a valid name and size");
  case ProblemCode::ModelExtraBlocksTooLarge: return QT_TRANSLATE_NOOP("lstm::Problem", "the header's extra blocks are larger than any checkpoint can be");
  case ProblemCode::ModelTruncated:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the file is truncated: {limit} bytes of parameters and checksum expected, {value} present");
  case ProblemCode::ModelTrailingBytes: return QT_TRANSLATE_NOOP("lstm::Problem", "the file has {value} unexpected bytes after its checksum");
  case ProblemCode::ModelChecksum:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the checksum does not match: the file is damaged (stored {value}, computed {1})");
  case ProblemCode::ModelParameterNotFinite: return QT_TRANSLATE_NOOP("lstm::Problem", "the parameter {field} holds a value that is not a finite number");

  case ProblemCode::ConfigUnknownInput:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the input kind '{value}' is unknown (expected onehot, embedding or dense)");
  case ProblemCode::ConfigUnknownHead: return QT_TRANSLATE_NOOP("lstm::Problem", "the head kind '{value}' is unknown (expected softmax or regression)");
  case ProblemCode::ConfigFieldNotInteger: return QT_TRANSLATE_NOOP("lstm::Problem", "the field '{field}' is missing or not a non-negative integer");
  case ProblemCode::ConfigHiddenSize: return QT_TRANSLATE_NOOP("lstm::Problem", "the hidden size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigLayers: return QT_TRANSLATE_NOOP("lstm::Problem", "the number of layers is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigVocabularySize: return QT_TRANSLATE_NOOP("lstm::Problem", "the vocabulary size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigEmbeddingSize: return QT_TRANSLATE_NOOP("lstm::Problem", "the embedding size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigInputSize: return QT_TRANSLATE_NOOP("lstm::Problem", "the input size is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigClasses:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the number of softmax classes is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigOutputs:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the number of regression outputs is {value}; it must be between {1} and {limit}");
  case ProblemCode::ConfigTooManyParameters: return QT_TRANSLATE_NOOP("lstm::Problem", "the model would have more than {limit} parameters");

  case ProblemCode::VocabularyNotCharacter: return QT_TRANSLATE_NOOP("lstm::Problem", "vocabulary entry {value} is not a Unicode character ({1})");
  case ProblemCode::VocabularyDuplicate: return QT_TRANSLATE_NOOP("lstm::Problem", "vocabulary entry {value}, {1}, appears twice");
  case ProblemCode::Utf8StrayContinuation: return QT_TRANSLATE_NOOP("lstm::Problem", "a continuation byte without a lead byte");
  case ProblemCode::Utf8InvalidByte: return QT_TRANSLATE_NOOP("lstm::Problem", "a byte that never occurs in UTF-8");
  case ProblemCode::Utf8Truncated: return QT_TRANSLATE_NOOP("lstm::Problem", "a multi-byte sequence cut off by the end of the text");
  case ProblemCode::Utf8MissingContinuation: return QT_TRANSLATE_NOOP("lstm::Problem", "a multi-byte sequence with a missing continuation byte");
  case ProblemCode::Utf8Overlong: return QT_TRANSLATE_NOOP("lstm::Problem", "an overlong encoding");
  case ProblemCode::Utf8Surrogate: return QT_TRANSLATE_NOOP("lstm::Problem", "an encoded UTF-16 surrogate");
  case ProblemCode::Utf8AboveMaximum: return QT_TRANSLATE_NOOP("lstm::Problem", "a code point above U+10FFFF");

  case ProblemCode::CorpusValidationFraction:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the validation fraction must be between 0 and 0.9 (it is {value})");
  case ProblemCode::CorpusIsDirectory: return QT_TRANSLATE_NOOP("lstm::Problem", "this is a directory, not a text file");
  case ProblemCode::CorpusInvalidUtf8: return QT_TRANSLATE_NOOP("lstm::Problem", "invalid UTF-8 at byte {value} ({cause})");
  case ProblemCode::CorpusEmpty: return QT_TRANSLATE_NOOP("lstm::Problem", "the corpus is empty");
  case ProblemCode::CorpusOneCharacter:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the corpus has only one distinct character ({value}); a model needs at least two");
  case ProblemCode::CorpusNotUnicode: return QT_TRANSLATE_NOOP("lstm::Problem", "character {value} of the text, {1}, is not a Unicode character");
  case ProblemCode::CorpusOutOfMemory: return QT_TRANSLATE_NOOP("lstm::Problem", "there is not enough memory to hold the corpus");

  case ProblemCode::CsvBadDelimiter:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the delimiter must be an ASCII character other than a quote, a line break or a digit");
  case ProblemCode::CsvBadDecimal: return QT_TRANSLATE_NOOP("lstm::Problem", "the decimal separator must be '.' or ','");
  case ProblemCode::CsvDelimiterIsDecimal: return QT_TRANSLATE_NOOP("lstm::Problem", "the delimiter and the decimal separator are both '{value}'");
  case ProblemCode::CsvNegativeLimit: return QT_TRANSLATE_NOOP("lstm::Problem", "the size limit must not be negative");
  case ProblemCode::CsvIsDirectory: return QT_TRANSLATE_NOOP("lstm::Problem", "this is a directory, not a CSV file");
  case ProblemCode::CsvTooLarge: return QT_TRANSLATE_NOOP("lstm::Problem", "the file has {value} bytes, more than the limit of {limit}");
  case ProblemCode::CsvOutOfMemory: return QT_TRANSLATE_NOOP("lstm::Problem", "there is not enough memory to hold the table");
  case ProblemCode::CsvUnclosedQuote: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}: a quoted field is not closed before the end of the file");
  case ProblemCode::CsvEmpty: return QT_TRANSLATE_NOOP("lstm::Problem", "the file is empty");
  case ProblemCode::CsvOnlyBlankLines: return QT_TRANSLATE_NOOP("lstm::Problem", "the file has only blank lines");
  case ProblemCode::CsvColumnNameNotUtf8:
    return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}: the name of column {column} is not valid UTF-8 ({cause})");
  case ProblemCode::CsvFieldCount: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line} has {value} fields, but line {1} has {limit}");
  case ProblemCode::CsvNoNumbers: return QT_TRANSLATE_NOOP("lstm::Problem", "no column holds numbers (line {line}: {value})");
  case ProblemCode::CsvValueMissing: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}, {columnLabel}: the value is missing");
  case ProblemCode::CsvValueOutOfRange: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}, {columnLabel}: \"{value}\" is out of the range of a double");
  case ProblemCode::CsvValueNotNumber: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}, {columnLabel}: \"{value}\" is not a number");
  case ProblemCode::CsvHeaderOnly: return QT_TRANSLATE_NOOP("lstm::Problem", "the file has a header (line {line}) but no rows of numbers");
  case ProblemCode::CsvColumnHoldsText: return QT_TRANSLATE_NOOP("lstm::Problem", "{columnLabel} holds text, not numbers (line {line}: \"{value}\")");
  case ProblemCode::CsvNoSuchNamedColumn:
    return QT_TRANSLATE_NOOP("lstm::Problem", "there is no column \"{field}\"; the columns are {value} (or 1 to {limit} by number)");
  case ProblemCode::CsvNoSuchNumberedColumn:
    return QT_TRANSLATE_NOOP("lstm::Problem", "there is no column {column}; the columns are {value} (or 1 to {limit} by number)");
  case ProblemCode::CsvNamedColumn: return QT_TRANSLATE_NOOP("lstm::Problem", "column \"{field}\"");
  case ProblemCode::CsvNumberedColumn: return QT_TRANSLATE_NOOP("lstm::Problem", "column {column}");

  case ProblemCode::SeriesValidationFraction: return QT_TRANSLATE_NOOP("lstm::Problem", "the validation fraction must lie between 0 and 0.9");
  case ProblemCode::SeriesLength: return QT_TRANSLATE_NOOP("lstm::Problem", "the series \"{field}\" has {value} values; a model needs between {1} and {limit}");
  case ProblemCode::SeriesNotFinite: return QT_TRANSLATE_NOOP("lstm::Problem", "value {1} of the series \"{field}\" is {value}, not a finite number");
  case ProblemCode::SeriesUnknownGenerator: return QT_TRANSLATE_NOOP("lstm::Problem", "the model's series generator \"{field}\" of length {value} is unknown");
  case ProblemCode::SeriesNoSource: return QT_TRANSLATE_NOOP("lstm::Problem", "the model does not say where its series came from");
  case ProblemCode::SeriesNotAGenerator: return QT_TRANSLATE_NOOP("lstm::Problem", "not a series generator; use sines, seasonal or mackey-glass");
  case ProblemCode::SeriesScalingNotObject: return QT_TRANSLATE_NOOP("lstm::Problem", "the model's series scaling is not an object");
  case ProblemCode::SeriesScalingNoMean: return QT_TRANSLATE_NOOP("lstm::Problem", "the model's series scaling has no finite mean");
  case ProblemCode::SeriesScalingNoStddev: return QT_TRANSLATE_NOOP("lstm::Problem", "the model's series scaling needs a finite standard deviation > 0");
  case ProblemCode::SeriesGeneratedLength: return QT_TRANSLATE_NOOP("lstm::Problem", "a generated series must have between {1} and {limit} values, not {value}");
  case ProblemCode::GeneratorCharacters: return QT_TRANSLATE_NOOP("lstm::Problem", "the number of characters is {value}; it must be in [1, {limit}]");
  case ProblemCode::GeneratorNumeric: return QT_TRANSLATE_NOOP("lstm::Problem", "the generator \"{field}\" makes a numeric series, not text");
  case ProblemCode::GeneratorUnknown: return QT_TRANSLATE_NOOP("lstm::Problem", "there is no generator called \"{field}\"");
  case ProblemCode::GeneratorSettingOutside: return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be in [{1}, {2}]");
  case ProblemCode::GeneratorSettingAboveOther:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be at least the option {1} ({2}) and at most {3}");
  case ProblemCode::GeneratorSettingBelowOther:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be finite and at least the option {1} ({2})");
  case ProblemCode::GeneratorSettingNotFinite: return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be a finite number");
  case ProblemCode::GeneratorSettingNegative: return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be finite and zero or positive");
  case ProblemCode::GeneratorSettingNotPositive: return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be finite and positive");
  case ProblemCode::GeneratorLengthRangeOdd:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the length range [{1}, {2}] holds no even length; balanced brackets need one");
  case ProblemCode::GeneratorListSize:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the list {field} has length {value}; it must be empty (drawn from the seed) or have one "
             "value per component ({limit})");
  case ProblemCode::GeneratorListNotFinite: return QT_TRANSLATE_NOOP("lstm::Problem", "the list {field} holds {value}; every value must be finite");
  case ProblemCode::GeneratorTooManyValues: return QT_TRANSLATE_NOOP("lstm::Problem", "the product examples × length is {value}; it must be at most {limit}");
  case ProblemCode::GeneratorTooManySteps:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the number of integration steps, (burnIn + length) × stepsPerUnit, is {value}; it "
             "must be at most {limit}");
  case ProblemCode::GeneratorDelayTooLong:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be positive and at most {limit} integration steps ({field} × {1})");
  case ProblemCode::GeneratorDelayNotWhole:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; {field} × {1} must be a whole number of integration steps");
  case ProblemCode::GeneratorHistoryNotPositive:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the option {field} is {value}; it must be finite and greater than the option {1} ({2}), so "
             "that the history stays positive");
  case ProblemCode::GeneratorAlphabetEmpty: return QT_TRANSLATE_NOOP("lstm::Problem", "the alphabet is empty; it needs at least one symbol to copy");
  case ProblemCode::GeneratorAlphabetSymbol:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the alphabet contains the blank, the marker, a line break or an invalid code point");
  case ProblemCode::GeneratorBlankMarker:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the blank and the marker must be two different valid characters, neither of them a line break");

  case ProblemCode::SamplingTemperature:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the temperature is {value}; it must be a finite number, zero (greedy) or positive");
  case ProblemCode::SamplingTopK: return QT_TRANSLATE_NOOP("lstm::Problem", "the top-k is {value}; it must be zero (keep every token) or positive");
  case ProblemCode::SamplingTopP: return QT_TRANSLATE_NOOP("lstm::Problem", "the top-p is {value}; it must be in (0, 1]");

  case ProblemCode::TrainSequenceLength: return QT_TRANSLATE_NOOP("lstm::Problem", "the sequence length is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainBatch: return QT_TRANSLATE_NOOP("lstm::Problem", "the batch is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainEmbedding: return QT_TRANSLATE_NOOP("lstm::Problem", "the embedding size is {value}; use 0 for one-hot input");
  case ProblemCode::TrainThreads: return QT_TRANSLATE_NOOP("lstm::Problem", "the thread count is {value}; it must be between 1 and {limit}");
  case ProblemCode::TrainLength: return QT_TRANSLATE_NOOP("lstm::Problem", "the training length must be a positive number of iterations or epochs");
  case ProblemCode::TrainEvaluationInterval: return QT_TRANSLATE_NOOP("lstm::Problem", "the evaluation interval must be zero or positive");
  case ProblemCode::TrainTimeLimit: return QT_TRANSLATE_NOOP("lstm::Problem", "the time limit must be zero (none) or a positive number of seconds");
  case ProblemCode::TrainClipNorm: return QT_TRANSLATE_NOOP("lstm::Problem", "the clipping norm must be a number");
  case ProblemCode::TrainForgetBias: return QT_TRANSLATE_NOOP("lstm::Problem", "the forget-gate bias must be a number");
  case ProblemCode::TrainTextTooShort:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the training part of the corpus {field} has {value} characters, but {1} streams of {2} steps need at "
             "least {limit}; use a smaller batch or sequence length, or a longer text");
  case ProblemCode::TrainSeriesTooShort:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the training part of the corpus {field} has {value} values, but {1} streams of {2} steps need at "
             "least {limit}; use a smaller batch or sequence length, or a longer series");
  case ProblemCode::TrainTextValidationTooShort:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the validation part of the corpus {field} has {value} characters, fewer than one window of {limit}; "
             "shorten the sequence or hold out more text");
  case ProblemCode::TrainSeriesValidationTooShort:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the validation part of the corpus {field} has {value} values, fewer than one window of {limit}; "
             "shorten the sequence or hold out more values");
  case ProblemCode::TrainNotEnoughMemory:
    return QT_TRANSLATE_NOOP("lstm::Problem", "this configuration needs about {value} GiB of memory, more than the {limit} GiB this machine has can "
             "spare; use fewer hidden units, layers, steps or streams");
  case ProblemCode::OptimizerLearningRate: return QT_TRANSLATE_NOOP("lstm::Problem", "the learning rate is {value}; it must be a positive number");
  case ProblemCode::OptimizerWeightDecay: return QT_TRANSLATE_NOOP("lstm::Problem", "the weight decay is {value}; it must be zero or positive");
  case ProblemCode::OptimizerMomentum: return QT_TRANSLATE_NOOP("lstm::Problem", "the momentum is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerNesterov: return QT_TRANSLATE_NOOP("lstm::Problem", "Nesterov momentum needs a positive momentum and zero dampening");
  case ProblemCode::OptimizerAlpha: return QT_TRANSLATE_NOOP("lstm::Problem", "the RMSprop alpha is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerBeta1: return QT_TRANSLATE_NOOP("lstm::Problem", "the Adam beta1 is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerBeta2: return QT_TRANSLATE_NOOP("lstm::Problem", "the Adam beta2 is {value}; it must be in [0, 1)");
  case ProblemCode::OptimizerEpsilon: return QT_TRANSLATE_NOOP("lstm::Problem", "the epsilon is {value}; it must be positive");
  case ProblemCode::SettingsMissingKey: return QT_TRANSLATE_NOOP("lstm::Problem", "the training settings lack '{field}'");
  case ProblemCode::SettingsUnknownOptimizer: return QT_TRANSLATE_NOOP("lstm::Problem", "the training settings name an unknown optimizer");
  case ProblemCode::SettingsBadSeed: return QT_TRANSLATE_NOOP("lstm::Problem", "the training settings have an unreadable seed");
  case ProblemCode::CheckpointIsModel: return QT_TRANSLATE_NOOP("lstm::Problem", "this is a model file, not a training checkpoint");
  case ProblemCode::CheckpointOtherCorpus:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint was made on {field} ({value} training characters, SHA-256 {1}…), not on this corpus "
             "with this validation split");
  case ProblemCode::CheckpointModelMismatch: return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint's model does not match its own training settings");
  case ProblemCode::CheckpointBlocks:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint's optimiser or state blocks are missing or have the wrong size");
  case ProblemCode::CheckpointAlreadyAt:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint is already at iteration {value}; ask for more iterations in total to continue");
  case ProblemCode::CheckpointPosition: return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint's position is inconsistent (iteration {value} of {limit})");
  case ProblemCode::CheckpointRandomState: return QT_TRANSLATE_NOOP("lstm::Problem", "the checkpoint's random generator state is unreadable");
  case ProblemCode::TrainingStoppedAfter: return QT_TRANSLATE_NOOP("lstm::Problem", "training was stopped after iteration {value} of {limit}");
  case ProblemCode::TrainingStoppedDuring: return QT_TRANSLATE_NOOP("lstm::Problem", "training was stopped during iteration {value} of {limit}");
  case ProblemCode::TrainingStoppedInValidation:
    return QT_TRANSLATE_NOOP("lstm::Problem", "training was stopped after iteration {value} of {limit}, during validation");
  case ProblemCode::TrainingDiverged:
    return QT_TRANSLATE_NOOP("lstm::Problem", "training diverged at iteration {value} ({cause}); restored the weights after iteration {1}, the last "
             "to give a finite loss — try a lower learning rate or stronger clipping");
  case ProblemCode::DivergedLoss: return QT_TRANSLATE_NOOP("lstm::Problem", "the loss is {value}");
  case ProblemCode::DivergedGradient: return QT_TRANSLATE_NOOP("lstm::Problem", "the gradient norm is {value}");
  case ProblemCode::DivergedWeights: return QT_TRANSLATE_NOOP("lstm::Problem", "the update made weights infinite");

  case ProblemCode::InterchangeTooLarge: return QT_TRANSLATE_NOOP("lstm::Problem", "the file is larger than 4 GiB");
  case ProblemCode::InterchangeInvalidJson: return QT_TRANSLATE_NOOP("lstm::Problem", "invalid JSON ({value} at byte {1})");
  case ProblemCode::InterchangeWrongFormat: return QT_TRANSLATE_NOOP("lstm::Problem", "not a PyTorch interchange file: \"format\" must be \"{value}\"");
  case ProblemCode::InterchangeNoVocabulary: return QT_TRANSLATE_NOOP("lstm::Problem", "\"vocab\" is missing or empty");
  case ProblemCode::InterchangeVocabularyEntry:
    return QT_TRANSLATE_NOOP("lstm::Problem", "vocab entry {value} must be a string of exactly one Unicode character");
  case ProblemCode::InterchangeNoStateDict: return QT_TRANSLATE_NOOP("lstm::Problem", "\"state_dict\" is missing or empty");
  case ProblemCode::InterchangeNoLstm: return QT_TRANSLATE_NOOP("lstm::Problem", "the state_dict has no lstm.weight_ih_l0 / lstm.weight_hh_l0");
  case ProblemCode::InterchangeImpossible: return QT_TRANSLATE_NOOP("lstm::Problem", "the tensors describe an impossible model: {cause}");
  case ProblemCode::InterchangeMissingTensor: return QT_TRANSLATE_NOOP("lstm::Problem", "the state_dict has no {field}");
  case ProblemCode::InterchangeUnsupportedTensor:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the state_dict has {field}, which this importer does not support (only a unidirectional nn.LSTM "
             "without projections, an optional nn.Embedding and an nn.Linear head)");
  case ProblemCode::InterchangeShape: return QT_TRANSLATE_NOOP("lstm::Problem", "{field} has shape {value} but the model needs {limit}");
  case ProblemCode::InterchangeNotTensor: return QT_TRANSLATE_NOOP("lstm::Problem", "{field} has shape (not a list of numbers) but the model needs {limit}");
  case ProblemCode::InterchangeNotFinite: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}[{1}][{2}] is not a finite float32 number");
  case ProblemCode::InterchangeRagged: return QT_TRANSLATE_NOOP("lstm::Problem", "{field} row {1} has the wrong length (ragged list)");

  case ProblemCode::LessonSyntax: return QT_TRANSLATE_NOOP("lstm::Problem", "line {line}, column {column}: {value}");
  case ProblemCode::LessonNotObject: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: the file is not a JSON object");
  case ProblemCode::LessonMissing: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: missing");
  case ProblemCode::LessonUnknownKey: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: unknown key \"{value}\" (known: {1})");
  case ProblemCode::LessonNotInteger: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not a non-negative integer");
  case ProblemCode::LessonNotString: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not a string");
  case ProblemCode::LessonNotLanguage: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: \"{value}\" is not a language code like \"en\" or \"zh_CN\"");
  case ProblemCode::LessonNotText: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is neither a text nor an object of texts by language");
  case ProblemCode::LessonEmptyText: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: the text is empty");
  case ProblemCode::LessonNoText: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: no text in any language");
  case ProblemCode::LessonNotGate: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: \"{value}\" is not one of i, f, g, o");
  case ProblemCode::LessonNotNumber: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not a number");
  case ProblemCode::LessonNotObjectValue: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not an object");
  case ProblemCode::LessonNotIntervention:
    return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: \"{value}\" is not one of clamp, zero-hidden, zero-cell, set-cell, add-cell");
  case ProblemCode::LessonGateNotClamp: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: only a clamp has a gate");
  case ProblemCode::LessonNoValue: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: a {value} has no value");
  case ProblemCode::LessonGateRange: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is outside the range of gate {1} ({limit}…1)");
  case ProblemCode::LessonAnswerWithoutQuestion: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: an answer needs a question");
  case ProblemCode::LessonEmptyPath: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: the path is empty");
  case ProblemCode::LessonNotBool: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not true or false");
  case ProblemCode::LessonNothingToReload: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: there is no model to reload in this step");
  case ProblemCode::LessonReadTooLong: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is more than the {limit} characters of the text");
  case ProblemCode::LessonNotQuantity:
    return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: \"{value}\" is not one of i, f, g, o, c, h, a_i, a_f, a_g, a_o");
  case ProblemCode::LessonNotArray: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is not an array");
  case ProblemCode::LessonDuplicateIntervention: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: the same intervention is listed twice");
  case ProblemCode::TextFeatureBadPattern: return QT_TRANSLATE_NOOP("lstm::Problem", "invalid regular expression \"{field}\" at character {column}: {value}");
  case ProblemCode::LessonNotView: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: \"{value}\" is not one of {1}");
  case ProblemCode::LessonEmptyView: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: the name is empty");
  case ProblemCode::LessonNoSteps: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: a lesson needs a non-empty array of steps");
  case ProblemCode::LessonOutside: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: {value} is outside 0…{limit}");
  case ProblemCode::LessonNoStepsToInspect: return QT_TRANSLATE_NOOP("lstm::Problem", "{field}: there are no steps to inspect");
  case ProblemCode::ExampleLessonNoTitle: return QT_TRANSLATE_NOOP("lstm::Problem", "the lesson has no title");
  case ProblemCode::ExampleLessonHalfUnit: return QT_TRANSLATE_NOOP("lstm::Problem", "the lesson gives a layer without a unit, or a unit without a layer");
  case ProblemCode::ExampleLessonNegativeUnit: return QT_TRANSLATE_NOOP("lstm::Problem", "the lesson's layer and unit must be non-negative integers");
  case ProblemCode::ExampleLessonQuantity: return QT_TRANSLATE_NOOP("lstm::Problem", "the lesson's quantity \"{value}\" is not one of i, f, g, o, c, h");
  case ProblemCode::ExampleLessonMissing: return QT_TRANSLATE_NOOP("lstm::Problem", "the model has no lesson");
  case ProblemCode::ExampleLessonOutside:
    return QT_TRANSLATE_NOOP("lstm::Problem", "the lesson's unit {1} of layer {2} is outside the model ({3} layers of {4} units)");
  }
  return "";
}

// How a sentence about a file starts.
const char *const kInFile = QT_TRANSLATE_NOOP("lstm::Problem", "{file}: {problem}");

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
