import '../news.css';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button, Flex, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Tool {
  key: 'bold' | 'italic' | 'underline' | 'heading' | 'paragraph' | 'bullets' | 'numbers' | 'link';
  icon: ReactNode;
  command: string;
  arg?: string;
}

const TOOLS: Tool[] = [
  { key: 'bold', icon: <BoldOutlined />, command: 'bold' },
  { key: 'italic', icon: <ItalicOutlined />, command: 'italic' },
  { key: 'underline', icon: <UnderlineOutlined />, command: 'underline' },
  { key: 'heading', icon: <span style={{ fontWeight: 600 }}>H</span>, command: 'formatBlock', arg: 'h3' },
  { key: 'paragraph', icon: <span>¶</span>, command: 'formatBlock', arg: 'p' },
  { key: 'bullets', icon: <UnorderedListOutlined />, command: 'insertUnorderedList' },
  { key: 'numbers', icon: <OrderedListOutlined />, command: 'insertOrderedList' },
  { key: 'link', icon: <LinkOutlined />, command: 'createLink' },
];

interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  testId?: string;
}

/**
 * A small rich-text editor (a contenteditable with a toolbar for bold, italic, underline,
 * headings, lists and links). It produces HTML; the server sanitizes it again with an allow-list.
 */
export function RichTextEditor({ value, onChange, placeholder, testId }: RichTextEditorProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  // Only push outside values in (form reset, loading an article); typing keeps the caret.
  useEffect(() => {
    const el = ref.current;
    if (el && (value ?? '') !== el.innerHTML) el.innerHTML = value ?? '';
  }, [value]);

  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but still the simplest portable way to format a selection.
    document.execCommand(command, false, arg);
    emit();
  };

  const handleTool = (tool: Tool) => {
    if (tool.command !== 'createLink') return run(tool.command, tool.arg);
    const url = window.prompt(t('news.editor.linkPrompt'), 'https://');
    if (url && /^https?:\/\//.test(url)) run('createLink', url);
  };

  return (
    <div className="news-editor">
      <Flex wrap gap={2} className="news-editor__toolbar">
        {TOOLS.map((tool) => (
          <Tooltip key={tool.key} title={t(`news.editor.${tool.key}`)}>
            <Button size="small" type="text" icon={tool.icon} aria-label={t(`news.editor.${tool.key}`)} onMouseDown={(e) => e.preventDefault()} onClick={() => handleTool(tool)} />
          </Tooltip>
        ))}
      </Flex>
      <div
        ref={ref}
        className="news-editor__area news-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline
        data-placeholder={placeholder}
        data-testid={testId}
        onInput={emit}
        onBlur={emit}
      />
    </div>
  );
}
