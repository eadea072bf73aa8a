#pragma once
// The first characters of a text corpus, or the first values of a series in the file's own units, so a learner
// sees what the model will read. GUI thread only.
#include <QPlainTextEdit>

namespace lstm {

struct Corpus;

class CorpusPreview : public QPlainTextEdit {
  Q_OBJECT
public:
  explicit CorpusPreview(QWidget *parent = nullptr);

  // Shows the head of `corpus`: 300 characters, or 60 values (unscaled) separated by two spaces.
  void showCorpus(const Corpus &corpus);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
};

} // namespace lstm
