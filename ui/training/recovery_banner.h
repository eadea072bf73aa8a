#pragma once
// The offer to continue a run that an earlier session left unsaved (its recovery checkpoint): a yellow strip
// naming the corpus, the time and the iteration, with "Resume it" and "Discard". Resuming is the panel's
// business — it rebuilds the corpus and continues the checkpoint; discarding removes the recovery files.
// GUI thread only.
#include "training/corpus_source.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace lstm {

class TrainingRecovery;

class RecoveryBanner : public QFrame {
  Q_OBJECT
public:
  explicit RecoveryBanner(TrainingRecovery *recovery, QWidget *parent = nullptr);

  // Shows the offer when a recovery is pending; leaves the banner as it is otherwise.
  void showOffer();

Q_SIGNALS:
  // "Resume it": build `source` again and continue `checkpoint` on it. The banner has hidden itself.
  void recoverRequested(const lstm::CorpusSource &source, const QString &checkpoint);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();

  TrainingRecovery *m_recovery;
  QLabel *m_label = nullptr;
  QPushButton *m_recoverButton = nullptr;
  QPushButton *m_discardButton = nullptr;
};

} // namespace lstm
