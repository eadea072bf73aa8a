// lstm-explorer-cli train --corpus FILE --out MODEL [options]: trains a character model with a live progress bar
// (or JSON lines), evaluates, checkpoints, and on Ctrl-C saves a checkpoint and stops cleanly.
#include "cli_common.h"
#include "commands.h"
#include "data/generators.h"
#include "data/series_corpus.h"
#include "io/json_text.h"
#include "io/model_metadata.h"
#include "train/trainer.h"
#include "train_report.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <csignal>
#include <cstdio>
#include <thread>
#include <unistd.h>

namespace lstm::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
  g_interrupted.store(true);
  std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends the process at once
}

TrainerConfig configFromOptions(const QCommandLineParser &p) {
  TrainerConfig c;
  c.hiddenSize = intOption(p, QStringLiteral("hidden"), c.hiddenSize, 1, ModelConfig::kMaxHidden);
  c.numLayers = intOption(p, QStringLiteral("layers"), c.numLayers, 1, ModelConfig::kMaxLayers);
  c.embedDim = intOption(p, QStringLiteral("embed"), 0, 0, ModelConfig::kMaxWidth);
  c.seqLength = intOption(p, QStringLiteral("seq"), c.seqLength, 1, 100000);
  c.batchSize = intOption(p, QStringLiteral("batch"), c.batchSize, 1, 100000);
  const QString optimizer = p.value(QStringLiteral("optimizer"));
  if (!optimizer.isEmpty() && !parseOptimizerKind(optimizer.toStdString(), c.optimizer.kind))
    throw CliError{QStringLiteral("--optimizer must be adam, rmsprop or sgd, not \"%1\"").arg(optimizer)};
  c.optimizer.learningRate = doubleOption(p, QStringLiteral("lr"), c.optimizer.learningRate);
  c.optimizer.momentum = doubleOption(p, QStringLiteral("momentum"), c.optimizer.momentum);
  c.clipNorm = doubleOption(p, QStringLiteral("clip"), c.clipNorm);
  if (p.isSet(QStringLiteral("iters")) && p.isSet(QStringLiteral("epochs")))
    throw CliError{QStringLiteral("give either --iters or --epochs, not both"), kUsage};
  c.iterations = intOption(p, QStringLiteral("iters"), 0, 1, 2000000000);
  c.epochs = doubleOption(p, QStringLiteral("epochs"), 0.0);
  if (p.isSet(QStringLiteral("epochs")) && !(c.epochs > 0.0))
    throw CliError{QStringLiteral("--epochs must be a positive number")};
  c.evalEvery = intOption(p, QStringLiteral("eval-every"), c.evalEvery, 0, 2000000000);
  c.timeLimitSeconds = doubleOption(p, QStringLiteral("time-limit"), 0.0);
  if (c.iterations == 0 && c.epochs == 0.0) // a time limit alone means "train until then"
    c.epochs = c.timeLimitSeconds > 0 ? 1e6 : 1.0;
  bool ok = true;
  c.seed = p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toULongLong(&ok) : c.seed;
  if (!ok)
    throw CliError{QStringLiteral("--seed must be a non-negative integer")};
  c.threads = intOption(p, QStringLiteral("threads"), int(std::max(1u, std::thread::hardware_concurrency())), 1, 256);
  if (p.isSet(QStringLiteral("forget-bias")))
    c.forgetBias = doubleOption(p, QStringLiteral("forget-bias"), 1.0);
  return c;
}

// --generator ID: a text task or a series, made from --gen-seed; --gen-length characters or values.
std::shared_ptr<const Corpus> generatedCorpusOrThrow(const QCommandLineParser &p, const CorpusOptions &options) {
  const std::string id = p.value(QStringLiteral("generator")).toStdString();
  const std::int64_t length = intOption(p, QStringLiteral("gen-length"), 200000, 16, 1 << 24);
  bool ok = true;
  const std::uint64_t seed = p.isSet(QStringLiteral("gen-seed")) ? p.value(QStringLiteral("gen-seed")).toULongLong(&ok) : 1;
  if (!ok)
    throw CliError{QStringLiteral("--gen-seed must be a non-negative integer")};
  Problem problem;
  std::optional<Corpus> corpus;
  if (isSeriesGenerator(id)) {
    corpus = generatedSeriesCorpus(id, length, seed, options, &problem);
  } else {
    const auto text = generateText(id, length, seed, &problem);
    if (!text)
      throw CliError{QStringLiteral("--generator: %1 (series: sines, seasonal, mackey-glass)").arg(problemMessage(problem))};
    corpus = corpusFromText(*text, QStringLiteral("%1 (seed %2)").arg(QString::fromStdString(id)).arg(seed), options,
                            &problem);
  }
  if (!corpus)
    throw problemError(problem);
  return std::make_shared<const Corpus>(std::move(*corpus));
}

ExampleLesson readLessonOrThrow(const QString &path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw CliError{QStringLiteral("%1: %2").arg(path, file.errorString())};
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(file.read(1 << 20), &parseError);
  if (!document.isObject())
    throw CliError{QStringLiteral("%1: not a JSON object (%2)").arg(path, parseError.errorString())};
  Problem problem;
  const auto lesson = readExampleLesson(document.object(), &problem);
  if (!lesson)
    throw problemError(problem.inFile(path));
  return *lesson;
}

char32_t csvCharacter(const QCommandLineParser &p, const QString &name) {
  QString value = p.value(name);
  if (value == QLatin1String("tab") || value == QLatin1String("\\t"))
    value = QStringLiteral("\t");
  if (value.isEmpty())
    return 0;
  if (value.size() != 1)
    throw CliError{QStringLiteral("--%1 must be one character (or \"tab\"), not \"%2\"").arg(name, value)};
  return char32_t(value.at(0).unicode());
}

std::shared_ptr<const Corpus> loadCorpusOrThrow(const QCommandLineParser &p, bool terminal) {
  const int sources = int(p.isSet(QStringLiteral("corpus"))) + int(p.isSet(QStringLiteral("series"))) +
                      int(p.isSet(QStringLiteral("generator")));
  if (sources != 1)
    throw CliError{QStringLiteral("give exactly one of --corpus, --series or --generator (see --help)"), kUsage};
  CorpusOptions options;
  options.validationFraction = doubleOption(p, QStringLiteral("validation"), options.validationFraction);
  if (p.isSet(QStringLiteral("generator")))
    return generatedCorpusOrThrow(p, options);
  if (p.isSet(QStringLiteral("series"))) {
    if (!p.isSet(QStringLiteral("column")))
      throw CliError{QStringLiteral("--series needs --column NAME (a column name or its 1-based number)"), kUsage};
    CsvOptions csv;
    csv.delimiter = csvCharacter(p, QStringLiteral("delimiter"));
    csv.decimal = csvCharacter(p, QStringLiteral("decimal"));
    Problem problem;
    auto corpus = loadSeriesCorpus(p.value(QStringLiteral("series")), p.value(QStringLiteral("column")), csv, options,
                                   &problem, [](std::int64_t, std::int64_t) { return !g_interrupted.load(); });
    if (!corpus)
      throw problemError(problem);
    return std::make_shared<const Corpus>(std::move(*corpus));
  }
  const QString format = p.value(QStringLiteral("format"));
  if (!format.isEmpty() && !parseCorpusFormat(format.toStdString(), options.format))
    throw CliError{QStringLiteral("--format must be auto, text or fortune, not \"%1\"").arg(format)};
  Problem problem;
  auto corpus = loadCorpus(p.value(QStringLiteral("corpus")), options, &problem, [&](std::int64_t done, std::int64_t total) {
    if (terminal && total > (std::int64_t(32) << 20))
      std::fprintf(stderr, "\rloading corpus… %3d%%", int(100 * done / std::max<std::int64_t>(total, 1)));
    return !g_interrupted.load();
  });
  if (terminal)
    std::fprintf(stderr, "\r\033[K");
  if (!corpus)
    throw problemError(problem);
  return std::make_shared<const Corpus>(std::move(*corpus));
}

} // namespace

int runTrain(const QStringList &arguments) {
  QCommandLineParser parser;
  const auto option = [&](const char *name, const char *help, const char *value = nullptr) {
    parser.addOption(value ? QCommandLineOption(QLatin1String(name), QLatin1String(help), QLatin1String(value))
                           : QCommandLineOption(QLatin1String(name), QLatin1String(help)));
  };
  option("corpus", "UTF-8 text or fortune file to learn from (this, --series or --generator is required).", "FILE");
  option("series", "CSV file with a time series: trains a forecaster of the --column's next value.", "FILE.csv");
  option("column", "The series' column: its header name or 1-based number.", "NAME");
  option("delimiter", "CSV field separator: , ; or tab (default: detected).", "C");
  option("decimal", "CSV decimal separator: . or , (default: detected).", "C");
  option("generator", "Train on a generated task: brackets, parens, quotes, reber, anbn, copy, adding (text) or "
                      "sines, seasonal, mackey-glass (series).", "ID");
  option("gen-length", "Characters or values to generate. Default 200000.", "N");
  option("gen-seed", "Seed of the generated corpus. Default 1.", "S");
  option("lesson", "JSON object stored as the model's \"lesson\" metadata (see core/explore/example_lesson.h).", "FILE");
  option("format", "auto (default), text or fortune ('%' lines separate entries, colour escapes removed).", "F");
  option("validation", "Fraction of the text, at its end, held out for validation. Default 0.1.", "F");
  option("hidden", "Hidden units per layer. Default 128.", "H");
  option("layers", "LSTM layers. Default 2.", "L");
  option("embed", "Embedding size; 0 (default) reads one-hot characters.", "E");
  option("seq", "Characters per window (truncated BPTT length). Default 64.", "T");
  option("batch", "Parallel streams through the text. Default 32.", "B");
  option("lr", "Learning rate. Default 0.002.", "X");
  option("optimizer", "adam (default), rmsprop or sgd.", "NAME");
  option("momentum", "Momentum for sgd and rmsprop. Default 0.", "M");
  option("clip", "Clip the global gradient norm to this; 0 disables. Default 5.", "C");
  option("iters", "Train for this many iterations (one window of every stream each).", "N");
  option("epochs", "Train for this many passes over the text (default 1 when --iters is not given).", "N");
  option("eval-every", "Iterations between validation passes; 0 = only at the end. Default 100.", "K");
  option("time-limit", "Stop after this many seconds (with a last validation); alone, it sets the length.", "S");
  option("seed", "Seed of the initial weights. Default 1.", "S");
  option("threads", "Worker threads; the same seed and count give identical weights. Default: all cores.", "N");
  option("forget-bias", "Initial forget-gate bias (e.g. 1); default: PyTorch's uniform init.", "X");
  option("out", "Model file to write (required).", "MODEL");
  option("save-best", "Also write the weights with the best validation loss so far to this model file.", "FILE");
  option("checkpoint", "Checkpoint file, written at every evaluation and on Ctrl-C. Default on Ctrl-C: MODEL.ckpt.", "FILE");
  option("resume", "Continue from a checkpoint; --iters is then the total to reach.", "FILE");
  option("json-progress", "One JSON object per line on stdout: iter, epoch, train_loss, val_loss, bits_per_char, tokens_per_s, eta_s.");
  parseOrThrow(parser, arguments,
               QStringLiteral("Train a character-level LSTM on a text. Ctrl-C saves a checkpoint and stops; --resume "
                              "continues it exactly."),
               {});
  if (!parser.isSet(QStringLiteral("out")))
    throw CliError{QStringLiteral("--out is required (see --help)"), kUsage};
  const QString out = parser.value(QStringLiteral("out"));
  const QString checkpoint = parser.value(QStringLiteral("checkpoint"));
  const QString best = parser.value(QStringLiteral("save-best"));
  const bool json = parser.isSet(QStringLiteral("json-progress"));
  const bool terminal = !json && isatty(fileno(stderr));

  g_interrupted = false;
  std::signal(SIGINT, onInterrupt);
  const auto corpus = loadCorpusOrThrow(parser, terminal);
  std::unique_ptr<Trainer> trainer;
  Problem problem;
  if (parser.isSet(QStringLiteral("resume"))) {
    const int threads = parser.isSet(QStringLiteral("threads")) ? intOption(parser, QStringLiteral("threads"), 1, 1, 256) : 0;
    trainer = Trainer::resume(corpus, parser.value(QStringLiteral("resume")), &problem,
                              intOption(parser, QStringLiteral("iters"), 0, 1, 2000000000), threads);
    if (!trainer)
      throw problemError(problem);
  } else {
    const TrainerConfig config = configFromOptions(parser);
    if (!config.validate(*corpus, &problem))
      throw problemError(problem);
    trainer = std::make_unique<Trainer>(corpus, config);
  }
  if (parser.isSet(QStringLiteral("lesson")))
    trainer->setLesson(readLessonOrThrow(parser.value(QStringLiteral("lesson"))));
  TrainReport report(*trainer, json ? TrainReport::Json : terminal ? TrainReport::Terminal : TrainReport::Log);
  report.started();

  const TrainingOutcome outcome = trainer->run(g_interrupted, [&](const TrainingProgress &progress) {
    report.progress(progress);
    if (progress.evaluated && !checkpoint.isEmpty() && !trainer->saveCheckpoint(checkpoint, &problem))
      report.warning(problemMessage(problem));
    if (progress.evaluated && !best.isEmpty() && trainer->bestIteration() == progress.iteration &&
        !trainer->saveModel(best, &problem))
      report.warning(problemMessage(problem));
  });
  std::signal(SIGINT, SIG_DFL);

  // Whatever happened, the current weights (after divergence: the last good ones) are saved.
  if (!trainer->saveModel(out, &problem))
    throw problemError(problem);
  QString savedCheckpoint;
  if (outcome != TrainingOutcome::Diverged && (!checkpoint.isEmpty() || outcome == TrainingOutcome::Cancelled)) {
    savedCheckpoint = checkpoint.isEmpty() ? out + QStringLiteral(".ckpt") : checkpoint;
    if (!trainer->saveCheckpoint(savedCheckpoint, &problem))
      throw problemError(problem);
  }
  report.finished(outcome, out, savedCheckpoint);
  return outcome == TrainingOutcome::Finished ? kOk : outcome == TrainingOutcome::Cancelled ? 130 : kBadInput;
}

} // namespace lstm::cli
