import { useState } from "react";
import { App, Button, Upload, type UploadFile } from "antd";
import { CameraOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../lib/form-errors";
import { uploadFile } from "../../files/api/files.api";

/** Takes photos (the phone's camera, or a picked image) through the files module; reports the ids stored. */
export function PhotoUpload({
  onChange,
  testId,
}: {
  onChange: (fileIds: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<(UploadFile & { fileId?: string })[]>([]);
  const report = (list: (UploadFile & { fileId?: string })[]) => {
    setFiles(list);
    onChange(list.flatMap((f) => (f.fileId ? [f.fileId] : [])));
  };
  return (
    <div data-testid={testId}>
      <Upload
        multiple
        listType="picture"
        fileList={files}
        accept="image/*"
        capture="environment"
        customRequest={({ file, onSuccess, onError }) => {
          uploadFile(file as File, "image")
            .then((stored) => onSuccess?.(stored))
            .catch((e: unknown) => {
              void message.error(errorMessage(e));
              onError?.(e as Error);
            });
        }}
        onChange={({ file, fileList }) => {
          const stored =
            file.status === "done"
              ? (file.response as { id: string }).id
              : undefined;
          report(
            fileList
              .map((x) =>
                x.uid === file.uid && stored
                  ? { ...x, fileId: stored }
                  : (x as UploadFile & { fileId?: string }),
              )
              .filter((x) => x.status !== "error"),
          );
        }}
      >
        <Button icon={<CameraOutlined />}>
          {t("spotChecks.record.upload")}
        </Button>
      </Upload>
    </div>
  );
}
