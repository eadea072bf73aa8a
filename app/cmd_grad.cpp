// lstm-explorer-cli grad MODEL --text TEXT [--json]
// loss = mean over t = 0..n−2 of −log p(TEXT[t+1] | TEXT[..t]) from a zero state, and its gradient.
#include "cli_common.h"
#include "commands.h"
#include "io/json_text.h"
#include "model/sequence_pass.h"

namespace lstm::cli {

int runGrad(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOptions({
      {QStringLiteral("text"), QStringLiteral("The text to predict, at least two characters."), QStringLiteral("TEXT")},
      {QStringLiteral("json"), QStringLiteral("Print {\"loss\":x,\"grads\":{NAME: array in PyTorch's shape, …}}.")},
  });
  parseOrThrow(parser, arguments,
               QStringLiteral("Compute the mean next-character loss over TEXT from a zero state and the gradient of "
                              "every parameter, named as in the PyTorch interchange file."),
               {QStringLiteral("MODEL")});
  if (!parser.isSet(QStringLiteral("text")))
    throw CliError{QStringLiteral("--text is required"), kUsage};
  const Model model = loadModelOrThrow(parser.positionalArguments().at(0));
  if (model.config.head != HeadKind::Softmax)
    throw CliError{QStringLiteral("grad --text needs a character model with a softmax head")};
  const std::vector<std::int32_t> tokens =
      tokenizeOrThrow(model, parser.value(QStringLiteral("text")), QStringLiteral("--text"));
  if (tokens.size() < 2)
    throw CliError{QStringLiteral("--text needs at least two characters: the loss predicts each next one")};

  // One stream (B = 1) of T = n−1 steps: inputs TEXT[0..n−2], targets TEXT[1..n−1].
  const int steps = int(tokens.size()) - 1;
  SequenceWorkspace<float> ws(model.config, steps, 1);
  std::copy(tokens.begin(), tokens.end() - 1, ws.tokens.begin());
  std::copy(tokens.begin() + 1, tokens.end(), ws.targetTokens.begin());
  const double normalizer = lossNormalizer(model.config, steps);
  const double loss = forwardPass(model.parameters, ws) / normalizer;
  Parameters<float> grads(model.config);
  backwardPass(model.parameters, ws, grads, float(1.0 / normalizer));

  const auto &blocks = grads.layout().blocks();
  if (parser.isSet(QStringLiteral("json"))) {
    std::string out = "{\"loss\":";
    appendJsonNumber(out, loss);
    out += ",\"grads\":{";
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      out += k ? "," : "";
      appendJsonString(out, blocks[k].name);
      out += ':';
      appendTorchTensor(out, blocks[k], grads.data() + blocks[k].offset);
    }
    out += "}}";
    writeStdout(out);
    return kOk;
  }
  QStringList lines;
  lines << QStringLiteral("loss %1 nats over %2 predictions").arg(loss, 0, 'f', 6).arg(steps);
  lines << QStringLiteral("%1 %2 %3").arg(QStringLiteral("tensor"), -22).arg(QStringLiteral("‖grad‖₂"), 12).arg(QStringLiteral("max |grad|"), 12);
  for (int k = 0; k < int(blocks.size()); ++k) {
    const auto block = std::as_const(grads).block(k);
    lines << QStringLiteral("%1 %2 %3")
                 .arg(QString::fromStdString(blocks[std::size_t(k)].name), -22)
                 .arg(double(block.norm()), 12, 'g', 5)
                 .arg(double(block.cwiseAbs().maxCoeff()), 12, 'g', 5);
  }
  lines << QStringLiteral("(use --json for every element)");
  writeStdout(lines.join(QLatin1Char('\n')));
  return kOk;
}

} // namespace lstm::cli
