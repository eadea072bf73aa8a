#include "cli_common.h"

#include "data/utf8.h"
#include "explore/tape.h"
#include "io/model_file.h"

#include <cmath>
#include <cstdio>

namespace lstm::cli {

void parseOrThrow(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
                  const QStringList &positional) {
  parser.setApplicationDescription(description);
  const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
  parser.addOption(help);
  for (const QString &name : positional)
    parser.addPositionalArgument(name, QString());
  if (!parser.parse(arguments))
    throw CliError{parser.errorText(), kUsage};
  if (parser.isSet(help)) {
    writeStdout(parser.helpText().replace(QStringLiteral("lstm-explorer-cli"),
                                          QStringLiteral("lstm-explorer-cli ") + arguments.value(0)));
    throw CliError{QString(), kOk};
  }
  if (parser.positionalArguments().size() != positional.size())
    throw CliError{QStringLiteral("expected %1 argument(s): %2 (see --help)")
                       .arg(positional.size())
                       .arg(positional.join(QLatin1Char(' '))),
                   kUsage};
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback, int minimum, int maximum) {
  if (!parser.isSet(name))
    return fallback;
  bool ok = false;
  const qlonglong value = parser.value(name).toLongLong(&ok);
  if (!ok || value < minimum || value > maximum)
    throw CliError{QStringLiteral("--%1 must be an integer from %2 to %3, not \"%4\"")
                       .arg(name)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(parser.value(name))};
  return int(value);
}

double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback) {
  if (!parser.isSet(name))
    return fallback;
  bool ok = false;
  const double value = parser.value(name).toDouble(&ok);
  if (!ok || !std::isfinite(value))
    throw CliError{QStringLiteral("--%1 must be a number, not \"%2\"").arg(name, parser.value(name))};
  return value;
}

QString problemMessage(const Problem &problem) { return problemInEnglish(problem); }

CliError problemError(const Problem &problem) { return CliError{problemMessage(problem)}; }

Model loadModelOrThrow(const QString &path) {
  Problem problem;
  auto model = loadModel(path, &problem);
  if (!model)
    throw problemError(problem);
  return std::move(*model);
}

std::vector<std::int32_t> tokenizeOrThrow(const Model &model, const QString &text, const QString &what) {
  if (!model.config.usesTokens())
    throw CliError{QStringLiteral("this model reads dense vectors, not text")};
  TextEncoding encoding = encodeText(model.vocabulary, text);
  if (const auto unknown = encoding.unknown) // positions count from 0 here, as the CLI has always printed them
    throw CliError{QStringLiteral("character %1 at position %2 of %3 is not in the model's vocabulary")
                       .arg(QString::fromStdString(describeCodePoint(unknown->symbol)))
                       .arg(unknown->index)
                       .arg(what)};
  return std::move(encoding.tokens);
}

void writeStdout(const std::string &text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (text.empty() || text.back() != '\n')
    std::fputc('\n', stdout);
  std::fflush(stdout);
}

void writeStdout(const QString &text) { writeStdout(text.toStdString()); }

} // namespace lstm::cli
