#include "recovery_banner.h"

#include "training/training_recovery.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace lstm {

RecoveryBanner::RecoveryBanner(TrainingRecovery *recovery, QWidget *parent) : QFrame(parent), m_recovery(recovery) {
  setObjectName(QStringLiteral("recoveryBanner"));
  setStyleSheet(QStringLiteral("#recoveryBanner { background: #fff4d6; border: 1px solid #e0b84d; }"));
  m_label = new QLabel(this);
  m_label->setWordWrap(true);
  m_recoverButton = new QPushButton(this);
  m_recoverButton->setObjectName(QStringLiteral("recoverButton"));
  m_discardButton = new QPushButton(this);
  m_discardButton->setObjectName(QStringLiteral("discardRecoveryButton"));
  auto *layout = new QHBoxLayout(this);
  layout->addWidget(m_label, 1);
  layout->addWidget(m_recoverButton);
  layout->addWidget(m_discardButton);
  hide();

  connect(m_recoverButton, &QPushButton::clicked, this, [this] {
    if (const auto pending = m_recovery->pending()) {
      hide();
      Q_EMIT recoverRequested(CorpusSource::fromString(pending->corpusPath), pending->checkpoint);
    }
  });
  connect(m_discardButton, &QPushButton::clicked, this, [this] {
    m_recovery->discard();
    hide();
  });
  retranslateUi();
}

void RecoveryBanner::retranslateUi() {
  m_recoverButton->setText(tr("Resume it"));
  m_discardButton->setText(tr("Discard"));
}

void RecoveryBanner::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    if (!isHidden())
      showOffer();
  }
  QFrame::changeEvent(event);
}

void RecoveryBanner::showOffer() {
  const auto pending = m_recovery->pending();
  if (!pending)
    return;
  m_label->setText(tr("A training run on %1 was not saved when the program last ended. Its recovery "
                      "checkpoint from %2 is at iteration %3.")
                       .arg(CorpusSource::fromString(pending->corpusPath).describe(),
                            QLocale().toString(pending->written, QLocale::ShortFormat))
                       .arg(pending->iteration));
  show();
}

} // namespace lstm
