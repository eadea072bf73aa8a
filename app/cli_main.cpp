// lstm-explorer-cli: the engine from the command line — inspect, trace, differentiate, import and benchmark models.
#include "cli_common.h"
#include "commands.h"
#include "data/utf8.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <map>

using namespace lstm::cli;

namespace {

const char kUsageText[] =
    "usage: lstm-explorer-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  train --corpus FILE --out MODEL train a character model on a text or fortune file\n"
    "  sample MODEL                    let a model write (--primer, --length, --temperature, --top-k, --top-p)\n"
    "  corpus FILE                     what training would read: size, vocabulary, split, baselines\n"
    "  info MODEL                      hyper-parameters, vocabulary, parameter count, metadata\n"
    "  trace MODEL --text TEXT         every gate, cell and hidden value per step (--json for machines)\n"
    "  grad MODEL --text TEXT          next-character loss over TEXT and every parameter's gradient\n"
    "  import-pytorch IN.json OUT      convert a PyTorch interchange file to a model file\n"
    "  bench [options]                 training tokens/s, or --step for batch-1 stepping latency\n"
    "\n"
    "MODEL is a model file, or :/models/default.lstm for the built-in model.\n"
    "Each command has --help.\n";

// Qt turns invalid UTF-8 in argv into U+FFFD silently; refuse it instead, naming the argument and the byte.
void checkArgumentsAreUtf8(int argc, char **argv) {
  for (int k = 1; k < argc; ++k) {
    std::u32string decoded;
    lstm::Utf8Error error;
    if (!lstm::decodeUtf8(argv[k], decoded, &error))
      throw CliError{QStringLiteral("argument %1 is not valid UTF-8 (byte %2: %3)")
                         .arg(k)
                         .arg(error.byteOffset)
                         .arg(problemMessage(lstm::Problem(error.reason)))};
  }
}

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("lstm-explorer-cli"));
  const QStringList arguments = QCoreApplication::arguments().mid(1);
  const QString command = arguments.value(0);
  if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
      command == QLatin1String("help")) {
    std::fputs(kUsageText, command.isEmpty() ? stderr : stdout);
    return command.isEmpty() ? kUsage : kOk;
  }
  const std::map<QString, int (*)(const QStringList &)> commands = {
      {QStringLiteral("info"), runInfo},   {QStringLiteral("trace"), runTrace},
      {QStringLiteral("grad"), runGrad},   {QStringLiteral("import-pytorch"), runImportPytorch},
      {QStringLiteral("bench"), runBench},   {QStringLiteral("train"), runTrain},
      {QStringLiteral("sample"), runSample}, {QStringLiteral("corpus"), runCorpus},
  };
  const auto found = commands.find(command);
  try {
    checkArgumentsAreUtf8(argc, argv);
    if (found == commands.end())
      throw CliError{QStringLiteral("unknown command \"%1\" (run lstm-explorer-cli --help)").arg(command), kUsage};
    return found->second(arguments);
  } catch (const CliError &error) {
    if (!error.message.isEmpty())
      std::fprintf(stderr, "lstm-explorer-cli %s: %s\n", qPrintable(command), qPrintable(error.message));
    return error.exitCode;
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "lstm-explorer-cli %s: out of memory\n", qPrintable(command));
    return kBadInput;
  }
}
