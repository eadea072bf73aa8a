// lstm-explorer-cli info MODEL [--json]
#include "cli_common.h"
#include "commands.h"
#include "data/utf8.h"
#include "io/json_text.h"
#include "io/model_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lstm::cli {

namespace {

QString inputText(const ModelConfig &c) {
  switch (c.input) {
  case InputKind::OneHot: return QStringLiteral("one-hot characters (X = V = %1)").arg(c.vocabSize);
  case InputKind::Embedding: return QStringLiteral("embedding of %1 characters into %2 dimensions").arg(c.vocabSize).arg(c.embedDim);
  case InputKind::Dense: return QStringLiteral("vectors of %1 values").arg(c.inputSize);
  }
  return {};
}

QString vocabularyPreview(const Vocabulary &vocabulary, int limit) {
  QString text;
  for (int id = 0; id < std::min(limit, vocabulary.size()); ++id) {
    const char32_t c = vocabulary.symbol(id);
    text += c == U'\n' ? QStringLiteral("\\n") : c == U'\t' ? QStringLiteral("\\t") : QString::fromUcs4(&c, 1);
  }
  if (vocabulary.size() > limit)
    text += QStringLiteral("…");
  return text;
}

} // namespace

int runInfo(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
  parseOrThrow(parser, arguments,
               QStringLiteral("Show a model's hyper-parameters, vocabulary, parameter count and metadata."),
               {QStringLiteral("MODEL")});
  const QString path = parser.positionalArguments().at(0);
  const Model model = loadModelOrThrow(path);
  const ModelConfig &c = model.config;

  if (parser.isSet(QStringLiteral("json"))) {
    QJsonObject json;
    json[QStringLiteral("file")] = path;
    json[QStringLiteral("config")] = configToJson(c);
    QJsonArray vocab;
    for (char32_t symbol : model.vocabulary.symbols())
      vocab.append(QString::fromUcs4(&symbol, 1));
    json[QStringLiteral("vocab")] = vocab;
    json[QStringLiteral("vocab_size")] = model.vocabulary.size();
    json[QStringLiteral("parameters")] = qint64(model.parameters.size());
    QJsonArray blocks;
    for (const ParameterBlock &block : model.parameters.layout().blocks()) {
      QJsonArray shape{block.torchRows()};
      if (!block.isVector())
        shape.append(block.torchCols());
      blocks.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(block.name)},
                                {QStringLiteral("shape"), shape}});
    }
    json[QStringLiteral("tensors")] = blocks;
    json[QStringLiteral("metadata")] = model.metadata;
    writeStdout(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    return kOk;
  }

  QStringList lines;
  lines << QStringLiteral("file        %1").arg(path);
  lines << QStringLiteral("input       %1").arg(inputText(c));
  lines << QStringLiteral("layers      %1 × LSTM, %2 hidden units each").arg(c.numLayers).arg(c.hiddenSize);
  lines << (c.head == HeadKind::Softmax
                ? QStringLiteral("head        softmax over %1 characters").arg(c.vocabSize)
                : QStringLiteral("head        linear regression to %1 values (MSE)").arg(c.outputSize));
  lines << QStringLiteral("parameters  %1 (%2 KiB as float32)")
               .arg(model.parameters.size())
               .arg(double(model.parameters.size()) * 4 / 1024, 0, 'f', 1);
  for (const ParameterBlock &block : model.parameters.layout().blocks())
    lines << QStringLiteral("  %1 %2")
                 .arg(QString::fromStdString(block.name), -22)
                 .arg(block.isVector() ? QStringLiteral("(%1)").arg(block.rows)
                                       : QStringLiteral("(%1, %2)").arg(block.torchRows()).arg(block.torchCols()));
  if (!model.vocabulary.empty())
    lines << QStringLiteral("vocabulary  %1 characters: %2").arg(model.vocabulary.size()).arg(vocabularyPreview(model.vocabulary, 120));
  if (model.metadata.isEmpty())
    lines << QStringLiteral("metadata    (none)");
  for (auto it = model.metadata.begin(); it != model.metadata.end(); ++it) {
    const QJsonValue value = it.value();
    const QString text = value.isString() ? value.toString()
                         : value.isDouble() ? QString::number(value.toDouble())
                         : QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
    lines << QStringLiteral("metadata    %1: %2").arg(it.key(), text);
  }
  writeStdout(lines.join(QLatin1Char('\n')));
  return kOk;
}

} // namespace lstm::cli
