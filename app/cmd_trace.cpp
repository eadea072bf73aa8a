// lstm-explorer-cli trace MODEL --text TEXT [--json] [--top K]
// State starts at zero; step t reads character t of TEXT.
#include "cli_common.h"
#include "commands.h"
#include "data/utf8.h"
#include "explore/stepper.h"
#include "io/json_text.h"

#include <cmath>
#include <memory>

namespace lstm::cli {

namespace {

void appendVector(std::string &out, const Vector<float> &v, int begin, int count) {
  appendJsonArray(out, {v.data() + begin, std::size_t(count)});
}

QString printable(char32_t c) {
  if (c == U'\n')
    return QStringLiteral("\\n");
  if (c == U'\t')
    return QStringLiteral("\\t");
  return QString::fromUcs4(&c, 1);
}

} // namespace

int runTrace(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOptions({
      {QStringLiteral("text"), QStringLiteral("The characters to read, one per step."), QStringLiteral("TEXT")},
      {QStringLiteral("json"), QStringLiteral("Print every value as one JSON object: {\"vocab\":[…],\"steps\":[{\"t\","
                                              "\"token\",\"layers\":[{\"i\",\"f\",\"g\",\"o\",\"c\",\"h\"}…],\"probs\"}…]}.")},
      {QStringLiteral("top"), QStringLiteral("Next-character guesses shown per step (text output). Default 3."),
       QStringLiteral("K")},
  });
  parseOrThrow(parser, arguments,
               QStringLiteral("Step a model through TEXT from a zero state and print, for every step, the gates "
                              "i f g o, the cell c and hidden h of every layer, and the next-character distribution."),
               {QStringLiteral("MODEL")});
  if (!parser.isSet(QStringLiteral("text")))
    throw CliError{QStringLiteral("--text is required"), kUsage};
  const QString text = parser.value(QStringLiteral("text"));
  if (text.isEmpty())
    throw CliError{QStringLiteral("--text is empty; give at least one character")};
  const int top = intOption(parser, QStringLiteral("top"), 3, 1, 100);
  auto model = std::make_shared<const Model>(loadModelOrThrow(parser.positionalArguments().at(0)));
  if (model->config.head != HeadKind::Softmax)
    throw CliError{QStringLiteral("trace --text needs a character model with a softmax head")};
  const std::vector<std::int32_t> tokens = tokenizeOrThrow(*model, text, QStringLiteral("--text"));
  const int H = model->config.hiddenSize;
  Stepper stepper(model, top);

  if (parser.isSet(QStringLiteral("json"))) {
    std::string out = "{\"vocab\":[";
    for (int id = 0; id < model->vocabulary.size(); ++id) {
      out += id ? "," : "";
      appendJsonString(out, encodeUtf8(model->vocabulary.symbol(id)));
    }
    out += "],\"steps\":[";
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const StepResult &r = stepper.step(tokens[t]);
      out += t ? ",{\"t\":" : "{\"t\":";
      out += std::to_string(t);
      out += ",\"token\":";
      appendJsonString(out, encodeUtf8(model->vocabulary.symbol(tokens[t])));
      out += ",\"layers\":[";
      for (std::size_t layer = 0; layer < r.layers.size(); ++layer) {
        const LayerStepValues &v = r.layers[layer];
        out += layer ? ",{" : "{";
        const char *gateNames[] = {"\"i\":", "\"f\":", "\"g\":", "\"o\":"};
        for (int gate = 0; gate < 4; ++gate) {
          out += gate ? "," : "";
          out += gateNames[gate];
          appendVector(out, v.gates, gate * H, H);
        }
        out += ",\"c\":";
        appendVector(out, v.cell, 0, H);
        out += ",\"h\":";
        appendVector(out, v.hidden, 0, H);
        out += "}";
      }
      out += "],\"probs\":";
      appendVector(out, r.output, 0, int(r.output.size()));
      out += "}";
    }
    out += "]}";
    writeStdout(out);
    return kOk;
  }

  // Text output: what the model read, how surprised it was by the next character, and what it expected.
  QStringList lines;
  lines << QStringLiteral("step  char  −log p(next)  most likely next characters");
  for (std::size_t t = 0; t < tokens.size(); ++t)
    stepper.step(tokens[t]);
  const Trace &trace = stepper.trace();
  double totalLoss = 0.0;
  for (int t = 0; t < trace.steps(); ++t) {
    QStringList guesses;
    for (const TokenProbability &entry : trace.topNext(t))
      guesses << QStringLiteral("'%1' %2").arg(printable(model->vocabulary.symbol(entry.token))).arg(entry.probability, 0, 'f', 3);
    const float loss = trace.loss(t);
    if (std::isfinite(loss))
      totalLoss += loss;
    lines << QStringLiteral("%1  %2  %3  %4")
                 .arg(t, 4)
                 .arg(printable(model->vocabulary.symbol(trace.token(t))), -4)
                 .arg(std::isfinite(loss) ? QString::number(loss, 'f', 3) : QStringLiteral("—"), 12)
                 .arg(guesses.join(QStringLiteral("  ")));
  }
  if (trace.steps() > 1)
    lines << QStringLiteral("mean −log p over %1 predictions: %2 nats (%3 bits per character)")
                 .arg(trace.steps() - 1)
                 .arg(totalLoss / (trace.steps() - 1), 0, 'f', 4)
                 .arg(totalLoss / (trace.steps() - 1) / std::log(2.0), 0, 'f', 4);
  lines << QStringLiteral("(use --json for every gate, cell and hidden value of every layer)");
  writeStdout(lines.join(QLatin1Char('\n')));
  return kOk;
}

} // namespace lstm::cli
