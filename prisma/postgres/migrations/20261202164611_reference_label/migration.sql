-- AlterTable
ALTER TABLE "Reference" ADD COLUMN     "label" TEXT;
