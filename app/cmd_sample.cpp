// lstm-explorer-cli sample MODEL [--primer TEXT] [--length N] [--temperature X] [--top-k K] [--top-p P] [--seed S]
//                                [--json]
// State starts at zero; the model reads the primer (a newline when there is none), then writes N characters, each
// fed back as its next input (core/explore/sampler.h).
#include "cli_common.h"
#include "commands.h"
#include "data/utf8.h"
#include "explore/sampler.h"
#include "explore/stepper.h"
#include "io/json_text.h"

#include <algorithm>
#include <limits>
#include <memory>

namespace lstm::cli {

namespace {

constexpr int kMaxLength = 10000000;

std::uint64_t seedOption(const QCommandLineParser &parser) {
  const QString name = QStringLiteral("seed");
  if (!parser.isSet(name))
    return 0;
  const QString text = parser.value(name);
  // Digits only: toULongLong alone would also take a sign or surrounding spaces.
  const bool digits = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
  });
  bool ok = false;
  const qulonglong value = text.toULongLong(&ok, 10);
  if (!digits || !ok)
    throw CliError{QStringLiteral("--seed must be an integer from 0 to %1, not \"%2\"")
                       .arg(std::numeric_limits<std::uint64_t>::max())
                       .arg(text)};
  return value;
}

std::string utf8Of(const Model &model, std::span<const std::int32_t> tokens) {
  std::u32string text;
  text.reserve(tokens.size());
  for (const std::int32_t token : tokens)
    text.push_back(model.vocabulary.symbol(token));
  return encodeUtf8(text);
}

} // namespace

int runSample(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOptions({
      {QStringLiteral("primer"),
       QStringLiteral("Text the model reads before it writes; printed first. Default: none (the model starts "
                      "after a newline, or token 0 when its vocabulary has no newline)."),
       QStringLiteral("TEXT")},
      {QStringLiteral("length"), QStringLiteral("Characters to write, 0 to 10000000. Default 500."),
       QStringLiteral("N")},
      {QStringLiteral("temperature"),
       QStringLiteral("Sharpens (below 1) or flattens (above 1) the distribution: p_i^(1/X), renormalised. "
                      "0 always takes the most likely character. Finite, zero or more. Default 1."),
       QStringLiteral("X")},
      {QStringLiteral("top-k"),
       QStringLiteral("Sample only among the K most likely characters; 0 keeps all. Default 0."),
       QStringLiteral("K")},
      {QStringLiteral("top-p"),
       QStringLiteral("Nucleus sampling: only the most likely characters whose probabilities (after temperature "
                      "and top-k) add up to P, 0 < P <= 1. Default 1 (all)."),
       QStringLiteral("P")},
      {QStringLiteral("seed"),
       QStringLiteral("Random seed, 0 to 18446744073709551615. The same seed and options give the same text. "
                      "Default 0."),
       QStringLiteral("S")},
      {QStringLiteral("json"),
       QStringLiteral("Print one JSON object with primer, text (what the model wrote, without the primer), seed, "
                      "temperature, top_k and top_p.")},
  });
  parseOrThrow(parser, arguments,
               QStringLiteral("Let a character model write: it reads the primer from a zero state, then picks each "
                              "next character from its predicted distribution and reads it back. Prints the primer "
                              "followed by the generated text."),
               {QStringLiteral("MODEL")});
  const int length = intOption(parser, QStringLiteral("length"), 500, 0, kMaxLength);
  SamplingOptions options;
  options.temperature = doubleOption(parser, QStringLiteral("temperature"), 1.0);
  options.topK = intOption(parser, QStringLiteral("top-k"), 0, 0, std::numeric_limits<int>::max());
  options.topP = doubleOption(parser, QStringLiteral("top-p"), 1.0);
  options.seed = seedOption(parser);
  if (Problem problem; !options.validate(&problem))
    throw problemError(problem);

  const QString path = parser.positionalArguments().at(0);
  auto model = std::make_shared<const Model>(loadModelOrThrow(path));
  if (!model->config.usesTokens() || model->config.head != HeadKind::Softmax)
    throw CliError{QStringLiteral("%1 is not a character model with a softmax head (it has %2 input and a %3 head)")
                       .arg(path, QLatin1String(toString(model->config.input)),
                            QLatin1String(toString(model->config.head)))};
  const std::vector<std::int32_t> primer =
      tokenizeOrThrow(*model, parser.value(QStringLiteral("primer")), QStringLiteral("--primer"));

  Stepper stepper(model, 1);
  stepper.setRecording(false); // nothing needs the trace here, and 10^7 steps of it would not fit in memory
  Sampler sampler(options);
  const std::vector<std::int32_t> generated = generate(stepper, primer, length, sampler);

  if (parser.isSet(QStringLiteral("json"))) {
    std::string out = "{\"primer\":";
    appendJsonString(out, utf8Of(*model, primer));
    out += ",\"text\":";
    appendJsonString(out, utf8Of(*model, generated));
    out += ",\"seed\":" + std::to_string(options.seed) + ",\"temperature\":";
    appendJsonNumber(out, options.temperature);
    out += ",\"top_k\":" + std::to_string(options.topK) + ",\"top_p\":";
    appendJsonNumber(out, options.topP);
    out += "}";
    writeStdout(out);
    return kOk;
  }
  writeStdout(utf8Of(*model, primer) + utf8Of(*model, generated));
  return kOk;
}

} // namespace lstm::cli
