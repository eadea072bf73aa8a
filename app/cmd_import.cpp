// lstm-explorer-cli import-pytorch IN.json OUT [--description TEXT]
#include "cli_common.h"
#include "commands.h"
#include "io/model_file.h"
#include "io/model_metadata.h"
#include "io/pytorch_interchange.h"

#include <QFileInfo>

#include <cstdio>

namespace lstm::cli {

int runImportPytorch(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOption({QStringLiteral("description"), QStringLiteral("Text stored in the model's metadata."),
                    QStringLiteral("TEXT")});
  parseOrThrow(parser, arguments,
               QStringLiteral("Convert a PyTorch interchange file (written by tools/export_pytorch.py, format in "
                              "docs/pytorch-interchange.md) into a model file."),
               {QStringLiteral("IN.json"), QStringLiteral("OUT")});
  const QString in = parser.positionalArguments().at(0), out = parser.positionalArguments().at(1);
  Problem problem;
  auto model = importPytorchInterchange(in, &problem);
  if (!model)
    throw problemError(problem);
  ModelMetadata metadata = readMetadata(model->metadata);
  metadata.sourceFile = QFileInfo(in).fileName();
  if (parser.isSet(QStringLiteral("description")))
    metadata.description = parser.value(QStringLiteral("description"));
  model->metadata = toJson(metadata);
  if (!saveModel(*model, out, &problem))
    throw problemError(problem);
  std::fprintf(stderr, "wrote %s: %d layer(s) × %d units, %d characters, %lld parameters\n", qPrintable(out),
               model->config.numLayers, model->config.hiddenSize, model->vocabulary.size(),
               static_cast<long long>(model->parameters.size()));
  return kOk;
}

} // namespace lstm::cli
